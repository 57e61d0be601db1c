using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HsctJournals.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJournalsDbContext>
{
    public SqliteJournalsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJournalsDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresJournalsDbContext>
{
    public PostgresJournalsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresJournalsDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
