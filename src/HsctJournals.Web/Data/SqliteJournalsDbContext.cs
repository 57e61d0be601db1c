using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Data;

/// <summary>The SQLite flavour of <see cref="JournalsDbContext"/>; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteJournalsDbContext(DbContextOptions<SqliteJournalsDbContext> options) : JournalsDbContext(options);
