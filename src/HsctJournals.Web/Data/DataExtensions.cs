using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Data;

public static class DataExtensions
{
    /// <summary>Registers the DbContext for the configured provider, exposed as <see cref="JournalsDbContext"/>.</summary>
    public static IServiceCollection AddJournalsData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Journals")),
                "Database:Provider is Postgres but ConnectionStrings:Journals is empty. Set it, e.g. ConnectionStrings__Journals=\"Host=localhost;Database=journals;Username=journals;Password=...\".")
            .ValidateOnStart();

        var provider = configuration[$"{DatabaseOptions.Section}:Provider"] ?? "Sqlite";
        // Work queued until the transaction commits (page-cache eviction): JournalsDbContext.AfterCommitAsync.
        var afterCommit = new AfterCommit();
        // Each provider's model is compiled ahead (Data/CompiledModels, decision 0051): building it from the
        // configurations at the first use of the context was the largest piece of work before the first page.
        // Regenerate it with every model change (JournalsDbContext's remarks); a test fails while it is stale.
        if (provider == "Postgres")
        {
            services.AddDbContextPool<PostgresJournalsDbContext>(o => o.UseNpgsql(configuration.GetConnectionString("Journals") ?? "")
                .UseModel(CompiledModels.Postgres.PostgresJournalsDbContextModel.Instance).AddInterceptors(afterCommit));
            services.AddScoped<JournalsDbContext>(sp => sp.GetRequiredService<PostgresJournalsDbContext>());
        }
        else
        {
            var connectionString = SqliteConnectionString(configuration.GetConnectionString("Journals"));
            var synchronous = configuration.GetSection(DatabaseOptions.Section).GetValue(nameof(DatabaseOptions.SqliteSynchronous), SqliteSynchronous.Normal);
            var pragmas = new SqlitePragmas(synchronous);
            // Each pooled context keeps its connection open and its SELECTs prepared (decision 0065).
            var statements = new SqliteStatementCache();
            // A migration whose SQL would run while a table rebuild is still pending fails loudly instead of logging
            // a warning nobody reads: that SQL sees the table as it was before the migration's other changes.
            // A collection read with its rows (a post's tags) is a statement of its own on SQLite: in one statement EF
            // LEFT JOINs a subquery SQLite materialises whole, every post's tags in the installation for one post's
            // page (decision 0063); the split statement's INNER JOIN is flattened into seeks.
            services.AddDbContextPool<SqliteJournalsDbContext>(o => KeptOpenSqliteConnection.InsteadOfEfs(o).UseSqlite(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .UseModel(CompiledModels.Sqlite.SqliteJournalsDbContextModel.Instance).AddInterceptors(pragmas, afterCommit, statements)
                .ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.SqliteEventId.TableRebuildPendingWarning)),
                poolSize: KeptOpenSqliteConnection.MostKeptOpen);
            services.AddScoped<JournalsDbContext>(sp => sp.GetRequiredService<SqliteJournalsDbContext>());
        }

        // Keys in the database: every node and every restart can read cookies, antiforgery tokens
        // and the links mailed out earlier (e-mail confirmation, unsubscribe).
        services.AddDataProtection().SetApplicationName("HsctJournals").PersistKeysToDbContext<JournalsDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RequestConnection>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<RequestConnection.PageFilter>(int.MinValue));
        services.AddHealthChecks().AddDbContextCheck<JournalsDbContext>("database");
        return services;
    }

    /// <summary>Defaults to ./data/journals.db and makes sure the folder exists.</summary>
    private static string SqliteConnectionString(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/journals.db" : configured);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (folder is not null && builder.Mode != SqliteOpenMode.Memory) Directory.CreateDirectory(folder);
        return builder.ToString();
    }
}
