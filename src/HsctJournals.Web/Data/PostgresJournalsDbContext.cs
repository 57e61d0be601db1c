using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Data;

/// <summary>The PostgreSQL flavour of <see cref="JournalsDbContext"/>; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresJournalsDbContext(DbContextOptions<PostgresJournalsDbContext> options) : JournalsDbContext(options);
