using Xunit.Abstractions;

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
        ["Accounts"] = 2, ["Journals"] = 2,
        ["Comments"] = 3, ["Treatment"] = 3,
        // Feeds, like Portability, read what the features publish (posts, their photos) and serve it elsewhere.
        ["Feeds"] = 4, ["Portability"] = 4, ["Admin"] = 4,
        ["Api"] = 5,
        ["Program"] = 6,
    };

    private const int FeatureLayer = 3;

    /// <summary>
    /// Edges that break the rule today, each with why it is still there. Remove an entry when its edge goes.
    /// </summary>
    private static readonly Dictionary<(string From, string To), string> KnownDebt = new()
    {
        [("Shared", "Accounts")] = "the layout asks SignInManager<AppUser> who is signed in; AppUser belongs below the features",
        [("Notifications", "Accounts")] = "mails look up AppUser addresses and the access rule",
        [("Notifications", "Journals")] = "the Follow page and post announcements are journal pages; they belong in Journals",
        [("Notifications", "Photos")] = "FollowerMails (the follow feature, still in Notifications) shows a post's first photo; moves with the follow feature",
        [("Journals", "Accounts")] = "AppUser (authors) and the access rule still live in Accounts",
        [("Journals", "Comments")] = "the post page hosts the comment section and its POST; Journal owns CommentSettings",
        [("Data", "Accounts")] = "the DbContext and configurations know every feature's entities",
        [("Data", "Journals")] = "the DbContext and configurations know every feature's entities",
        [("Data", "Treatment")] = "the DbContext and configurations know every feature's entities",
        [("Data", "Comments")] = "the DbContext and configurations know every feature's entities",
        [("Data", "Notifications")] = "the DbContext and configurations know every feature's entities",
        [("Data", "Portability")] = "the DbContext and configurations know every feature's entities",
        [("Data", "Photos")] = "the DbContext and configurations know every feature's entities",
        [("Data", "Admin")] = "the DbContext and configurations know every feature's entities",
        [("Journals", "Photos")] = "the post editor records which photos a post uses",
        [("Accounts", "Journals")] = "membership and access requests are about journals",
    };

    private static int LayerOf(string feature) => Layers.TryGetValue(feature, out var layer) ? layer : FeatureLayer;

    [Fact]
    public void Feature_folders_use_only_lower_layers()
    {
        var edges = FeatureDependencies.Edges(typeof(Program).Assembly);
        output.WriteLine(FeatureDependencies.Matrix(edges));

        // The bottom layer (Shared, Caching, Data) is plumbing that may wire itself together.
        var breaking = edges.Where(e => LayerOf(e.Key.To) >= LayerOf(e.Key.From) && !(LayerOf(e.Key.From) == 0 && LayerOf(e.Key.To) == 0)).ToList();
        foreach (var (edge, examples) in breaking)
            output.WriteLine($"{edge.From} → {edge.To}: {string.Join("; ", examples.Take(4))}");

        var unexpected = breaking.Where(e => !KnownDebt.ContainsKey(e.Key))
            .Select(e => $"{e.Key.From} → {e.Key.To} (e.g. {e.Value.First()})").ToList();
        Assert.True(unexpected.Count == 0, "New dependencies against the layering:\n" + string.Join("\n", unexpected));
        var gone = KnownDebt.Keys.Where(k => !breaking.Any(e => e.Key == k)).Select(k => $"{k.From} → {k.To}").ToList();
        Assert.True(gone.Count == 0, "Paid-off debt still listed in KnownDebt (remove it):\n" + string.Join("\n", gone));
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
