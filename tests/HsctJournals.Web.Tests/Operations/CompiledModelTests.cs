using HsctJournals.Web.Data;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Operations;

/// <summary>
/// The app runs on a model compiled ahead of time (Data/CompiledModels, decision 0051). A model change without
/// regenerating it would leave the app reading and writing the old shape, so the compiled model must be the one the
/// configurations build today, on each provider.
/// </summary>
public abstract class CompiledModelTests(AppFactory app)
{
    [Fact]
    public Task The_app_runs_on_the_compiled_model() => app.WithScopeAsync(services =>
    {
        var db = services.GetRequiredService<JournalsDbContext>();
        Assert.Same(CompiledInstance(db), db.Model);
        return Task.FromResult(0);
    });

    [Fact]
    public Task The_compiled_model_is_the_model_the_configurations_build() => app.WithScopeAsync(services =>
    {
        var db = services.GetRequiredService<JournalsDbContext>();
        // The design-time model is built from OnModelCreating and the configurations even when a compiled model is
        // set: it is what `dotnet ef migrations add` compares with the snapshot.
        var built = db.GetService<IDesignTimeModel>().Model;
        var compiled = CompiledInstance(db);

        // The tables and columns both map to (the differ of `dotnet ef migrations add` cannot read a compiled model: it
        // keeps only what queries and saves need), then what the schema does not show: navigations, value converters,
        // delete behaviour, concurrency tokens.
        Assert.True(Schema(compiled) == Schema(built), Stale(FirstDifference(Schema(compiled), Schema(built))));
        Assert.True(Describe(compiled) == Describe(built), Stale(FirstDifference(Describe(compiled), Describe(built))));
        return Task.FromResult(0);
    });

    private static IModel CompiledInstance(JournalsDbContext db) => db switch
    {
        SqliteJournalsDbContext => Web.Data.CompiledModels.Sqlite.SqliteJournalsDbContextModel.Instance,
        PostgresJournalsDbContext => Web.Data.CompiledModels.Postgres.PostgresJournalsDbContextModel.Instance,
        _ => throw new InvalidOperationException($"No compiled model for {db.GetType().Name}."),
    };

    private static string Stale(string what) =>
        $"The compiled model in Data/CompiledModels is out of date ({what}). Regenerate it with the two `dotnet ef dbcontext optimize` commands in JournalsDbContext's remarks.";

    private static string FirstDifference(string compiled, string built)
    {
        var a = compiled.Split('\n');
        var b = built.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            if (i >= a.Length || i >= b.Length || a[i] != b[i])
                return $"compiled: '{(i < a.Length ? a[i] : "(end)")}', configurations: '{(i < b.Length ? b[i] : "(end)")}'";
        return "no difference";
    }

    private static string Schema(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.SchemaQualifiedName, StringComparer.Ordinal))
        {
            lines.Add($"table {table.SchemaQualifiedName} pk={table.PrimaryKey?.Name}({string.Join(",", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
            foreach (var c in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
                lines.Add($"  column {c.Name} {c.StoreType} null={c.IsNullable}");
            foreach (var i in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
                lines.Add($"  index {i.Name}({string.Join(",", i.Columns.Select(c => c.Name))}) unique={i.IsUnique} filter={i.Filter}");
            foreach (var u in table.UniqueConstraints.OrderBy(u => u.Name, StringComparer.Ordinal))
                lines.Add($"  unique {u.Name}({string.Join(",", u.Columns.Select(c => c.Name))})");
            foreach (var f in table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal))
                lines.Add($"  fk {f.Name}({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.SchemaQualifiedName} on delete {f.OnDeleteAction}");
        }
        return string.Join('\n', lines);
    }

    private static string Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            lines.Add($"entity {entity.Name} {entity.ClrType.FullName} base={entity.BaseType?.Name}");
            foreach (var p in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
                lines.Add($"  property {p.Name} {p.ClrType.FullName} null={p.IsNullable} max={p.GetMaxLength()} "
                          + $"converter={p.GetValueConverter()?.GetType().FullName} concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated}");
            foreach (var n in entity.GetNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
                lines.Add($"  navigation {n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection} dependent={n.IsOnDependent}");
            foreach (var n in entity.GetSkipNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
                lines.Add($"  skip {n.Name} -> {n.TargetEntityType.Name} via {n.JoinEntityType.Name}");
            foreach (var k in entity.GetKeys().Select(k => string.Join(",", k.Properties.Select(p => p.Name))).Order(StringComparer.Ordinal))
                lines.Add($"  key {k}");
            foreach (var fk in entity.GetForeignKeys().Select(f =>
                         $"{string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} unique={f.IsUnique} required={f.IsRequired} delete={f.DeleteBehavior}")
                         .Order(StringComparer.Ordinal))
                lines.Add($"  fk {fk}");
            foreach (var ix in entity.GetIndexes().Select(i => $"{string.Join(",", i.Properties.Select(p => p.Name))} unique={i.IsUnique}").Order(StringComparer.Ordinal))
                lines.Add($"  index {ix}");
        }
        return string.Join('\n', lines);
    }
}

public sealed class CompiledModelTestsOnSqlite(SqliteApp app) : CompiledModelTests(app), IClassFixture<SqliteApp>;
public sealed class CompiledModelTestsOnPostgres(PostgresApp app) : CompiledModelTests(app), IClassFixture<PostgresApp>;
