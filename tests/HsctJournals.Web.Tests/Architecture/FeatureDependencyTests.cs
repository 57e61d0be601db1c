using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

using HsctJournals.Web.Shared;
using HsctJournals.Web.Journals;
namespace HsctJournals.Web.Tests.Architecture;

/// <summary>
/// The dependency rule between the Web app's feature folders (issue 7, item 9), checked by reflection over the
/// compiled assembly (<see cref="FeatureDependencies"/>): a folder may use only folders on a lower layer.
/// Edges that break the rule today are listed in <see cref="KnownDebt"/>; the test fails on any new one, and
/// on a listed one that has gone (so the list only shrinks).
/// </summary>
public sealed class FeatureDependencyTests(ITestOutputHelper output)
{
    /// <summary>Layers, bottom first. A folder not listed (a new feature) sits on the features' layer, 3.</summary>
    private static readonly Dictionary<string, int> Layers = new()
    {
        ["Shared"] = 0, ["Caching"] = 0,
        ["Data"] = 0,
        // Knows no feature: mail, outbox and delivery only.
        ["Notifications"] = 1,
        // Journals holds the access rule (JournalAccess, Reader); AppUser and Roles sit in Shared, below every feature.
        ["Journals"] = 2,
        // Accounts manage people and their memberships of journals, so they sit above Journals.
        ["Accounts"] = 3, ["Comments"] = 3, ["Treatment"] = 3,
        // Following a journal by e-mail: journal pages, post mails with their first photo, built on Notifications.
        // Feeds read what the features publish (posts, their photos) and serve it elsewhere.
        ["Followers"] = 4, ["Feeds"] = 4,
        // Export, import and deletion cover every feature's data, followers included.
        ["Portability"] = 5,
        // The site admin's console sits on top of the features it operates: deleting a person is Portability's
        // account deletion, with the admin's confirmation and audit around it (decision 0043).
        ["Admin"] = 6,
        ["Api"] = 6,
        // The composition root: Program and its start-up step (migrate, seed the first admin and the demo journal).
        ["Startup"] = 7,
        ["Program"] = 8,
    };

    private const int FeatureLayer = 3;

    /// <summary>
    /// Edges that break the rule today, each with why it is still there. Remove an entry when its edge goes.
    /// </summary>
    private static readonly Dictionary<(string From, string To), string> KnownDebt = new()
    {
        // Empty since decision 0046 (post sections, post references, editor uploads). Keep the mechanism: a
        // listed edge must be justified here, and the test fails once it has gone.
    };

    private static int LayerOf(string feature) => Layers.TryGetValue(feature, out var layer) ? layer : FeatureLayer;

    [Fact]
    public void Feature_folders_use_only_lower_layers()
    {
        var edges = FeatureDependencies.Edges(typeof(Program).Assembly);
        output.WriteLine(FeatureDependencies.Matrix(edges));
        edges = WithoutModelUses(edges);

        // The bottom layer (Shared, Caching, Data) is plumbing that may wire itself together.
        var breaking = edges.Where(e => LayerOf(e.Key.To) >= LayerOf(e.Key.From) && !(LayerOf(e.Key.From) == 0 && LayerOf(e.Key.To) == 0)).ToList();
        foreach (var (edge, examples) in breaking)
            output.WriteLine($"{edge.From} → {edge.To}: {string.Join("; ", examples)}");

        var unexpected = breaking.Where(e => !KnownDebt.ContainsKey(e.Key))
            .Select(e => $"{e.Key.From} → {e.Key.To} (e.g. {e.Value.First()})").ToList();
        Assert.True(unexpected.Count == 0, "New dependencies against the layering:\n" + string.Join("\n", unexpected));
        var gone = KnownDebt.Keys.Where(k => !breaking.Any(e => e.Key == k)).Select(k => $"{k.From} → {k.To}").ToList();
        Assert.True(gone.Count == 0, "Paid-off debt still listed in KnownDebt (remove it):\n" + string.Join("\n", gone));
    }

    /// <summary>
    /// The DbContext is the composition root of the EF model (decision 0024): Data may name every feature's entity
    /// types (entities, owned and complex types, and the enums and values stored on them), and nothing else of theirs.
    /// </summary>
    private static IReadOnlyDictionary<(string From, string To), SortedSet<string>> WithoutModelUses(
        IReadOnlyDictionary<(string From, string To), SortedSet<string>> edges)
    {
        var model = ModelTypes();
        var assembly = typeof(Program).Assembly;
        var kept = new Dictionary<(string From, string To), SortedSet<string>>();
        foreach (var (edge, examples) in edges)
        {
            var left = edge.From != "Data" ? examples
                : new SortedSet<string>(examples.Where(e => assembly.GetType(e.Split(" → ")[1]) is not { } used || !model.Contains(used)));
            if (left.Count > 0) kept[edge] = left;
        }
        return kept;
    }

    private static HashSet<Type> ModelTypes()
    {
        var options = new DbContextOptionsBuilder<SqliteJournalsDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteJournalsDbContext(options);
        var types = new HashSet<Type>();
        void AddStructural(Microsoft.EntityFrameworkCore.Metadata.ITypeBase type)
        {
            types.Add(type.ClrType);
            foreach (var property in type.GetProperties()) types.Add(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType);
            foreach (var complex in type.GetComplexProperties()) AddStructural(complex.ComplexType);
        }
        foreach (var entity in db.Model.GetEntityTypes()) AddStructural(entity);
        return types;
    }

    [Fact]
    public void The_data_folder_names_only_model_types_of_the_features()
    {
        // The rule above lets Data name entity types; a service of a feature used from Data is still an edge.
        var edges = WithoutModelUses(FeatureDependencies.Edges(typeof(Program).Assembly));
        var model = ModelTypes();
        Assert.Contains(typeof(HsctJournals.Web.Comments.Comment), model);
        Assert.DoesNotContain(typeof(HsctJournals.Web.Comments.CommentThreads), model);
        foreach (var ((from, _), examples) in edges.Where(e => e.Key.From == "Data"))
            output.WriteLine($"{from}: {string.Join("; ", examples)}");
    }

    [Fact]
    public void The_scanner_sees_uses_inside_method_bodies()
    {
        // JournalHeaderLinks names no other feature; CommentLinks (Comments) implements a Journals interface.
        var edges = FeatureDependencies.Edges(typeof(Program).Assembly);
        Assert.True(edges.ContainsKey(("Comments", "Journals")));
        Assert.Contains(edges[("Comments", "Journals")], e => e.StartsWith("HsctJournals.Web.Comments.CommentLinks", StringComparison.Ordinal));
    }
}
