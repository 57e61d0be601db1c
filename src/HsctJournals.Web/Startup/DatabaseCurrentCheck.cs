using System.Data.Common;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace HsctJournals.Web.Startup;

/// <summary>
/// Whether a start has nothing to do on its database: every migration of this build applied, a user in the site-admin
/// role, and (when the demo seed is on) a journal. Most starts are restarts on such a database.
/// <para>
/// It is one command of plain SQL on EF's own connection, with the tables and columns named by the model and quoted by
/// the provider. Asking the same through EF (the history repository, <c>RoleManager</c>, <c>UserManager</c>, LINQ) builds
/// the history table's model and compiles the first queries of the process: about a quarter of the main thread's
/// work before the first page (decision 0053). Any other answer, a missing history table included, sends the start down
/// the full path (Migrate and the seeds), which decides again with all its checks, so this can only skip work that is
/// not needed.
/// </para>
/// </summary>
public static class DatabaseCurrentCheck
{
    public static async Task<bool> IsCurrentAsync(JournalsDbContext db, ILookupNormalizer normalizer, bool demoSeedOn, CancellationToken cancel = default)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancel)) return false;

        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetRelationalModel();
        string Table<T>() => TableOf(db.Model, typeof(T), sql);
        string Column<T>(string property) => sql.DelimitIdentifier(ColumnOf(db.Model, tables, typeof(T), property));

        var options = db.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().First();
        var historyTable = sql.DelimitIdentifier(options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, options.MigrationsHistoryTableSchema);
        // "MigrationId" is the history row's key column as EF's HistoryRepository maps it (the app does not replace it).
        var commandText = $"""
            SELECT {sql.DelimitIdentifier("MigrationId")} FROM {historyTable};
            SELECT CASE WHEN EXISTS (
                       SELECT 1 FROM {Table<IdentityUserRole<string>>()} AS ur
                       INNER JOIN {Table<IdentityRole>()} AS r ON r.{Column<IdentityRole>(nameof(IdentityRole.Id))} = ur.{Column<IdentityUserRole<string>>(nameof(IdentityUserRole<string>.RoleId))}
                       WHERE r.{Column<IdentityRole>(nameof(IdentityRole.NormalizedName))} = @role) THEN 1 ELSE 0 END,
                   CASE WHEN EXISTS (SELECT 1 FROM {Table<Journal>()}) THEN 1 ELSE 0 END;
            """;

        await db.Database.OpenConnectionAsync(cancel);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = commandText;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var role = command.CreateParameter();
            role.ParameterName = "@role";
            role.Value = normalizer.NormalizeName(Roles.SiteAdmin);
            command.Parameters.Add(role);

            await using var reader = await command.ExecuteReaderAsync(cancel);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancel)) applied.Add(reader.GetString(0));
            if (db.GetService<IMigrationsAssembly>().Migrations.Keys.Any(id => !applied.Contains(id))) return false;

            if (!await reader.NextResultAsync(cancel) || !await reader.ReadAsync(cancel)) return false;
            var hasSiteAdmin = Convert.ToInt32(reader.GetValue(0)) == 1;
            var hasJournal = Convert.ToInt32(reader.GetValue(1)) == 1;
            return hasSiteAdmin && (hasJournal || !demoSeedOn);
        }
        catch (DbException)
        {
            // A table this build expects is not there yet (an older database): the full path migrates it.
            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string TableOf(IModel model, Type type, ISqlGenerationHelper sql)
    {
        var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        return sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    private static string ColumnOf(IModel model, IRelationalModel tables, Type type, string property)
    {
        var entity = model.FindEntityType(type)!;
        var table = tables.FindTable(entity.GetTableName()!, entity.GetSchema())!;
        return table.FindColumn(entity.FindProperty(property)!)!.Name;
    }
}
