using System.Text.RegularExpressions;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HsctJournals.Web.Tests.Operations;

/// <summary>
/// No statement a reader's page sends walks a whole table that grows with the installation: every SELECT the pages
/// below send is asked for SQLite's plan (<c>EXPLAIN QUERY PLAN</c>, with its own parameters), and a <c>SCAN</c> of
/// such a table is a failure. SQLite has no statistics here, so its plan depends on the statement's shape, not on how
/// many rows there are: a test database of a few rows shows the plan a large installation gets. (A post's page once
/// LEFT JOINed every post's tags in the installation, decision 0063.)
/// </summary>
public sealed class SqlitePlanTests(SqlCountingSqliteApp app, ITestOutputHelper output) : IClassFixture<SqlCountingSqliteApp>
{
    /// <summary>Tables whose rows grow with journals, posts, comments and people.</summary>
    private static readonly HashSet<string> Growing =
    [
        "Journals", "JournalMembers", "Posts", "PostTags", "Tags", "Categories", "Comments", "Photos", "AspNetUsers",
        "UserSessions", "TreatmentCourses", "OutboxMessages", "Followers",
    ];

    /// <summary>Pages about the whole site rather than one journal.</summary>
    private static readonly HashSet<string> SiteWide = ["/", "/search"];

    [Fact]
    public async Task No_page_a_reader_or_owner_opens_scans_a_growing_table()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var tagged = await app.CreatePostAsync(journal, owner, "Day +12: counts up", publishAtUtc: DateTime.UtcNow.AddMinutes(-30), category: "Recovery", tags: "counts, engraftment");
        var other = await app.OpenJournalAsync();
        await app.CreatePostAsync(other.Journal, other.Owner, "Elsewhere", publishAtUtc: DateTime.UtcNow.AddMinutes(-20), tags: "counts, travel");
        await app.AddCommentAsync(journal, tagged, "Reader", CommentKit.NewEmail(), "Well done.");
        var ownerClient = await app.SignedInVisitorAsync(owner);
        var anonymous = app.Visitor();
        var postPath = CommentKit.PathOf(journal, tagged);
        string[] pages = [postPath, $"/j/{journal.Slug}", $"/j/{journal.Slug}/feed.rss", $"/j/{journal.Slug}/tag/counts",
            $"/j/{journal.Slug}/category/recovery", $"/j/{journal.Slug}/archive", $"/j/{journal.Slug}/search?q=counts", "/search?q=counts", "/",
            $"/api/v1/journals/{journal.Slug}/posts/{tagged.Slug}", $"/api/v1/journals/{journal.Slug}/posts"];

        var statements = new List<SqlCountingApp.Statement>();
        foreach (var page in pages)
            foreach (var client in new[] { anonymous, ownerClient })
                statements.AddRange(await app.StatementsOfAsync(client, page));
        statements.AddRange(await app.StatementsOfAsync(ownerClient, $"/j/{journal.Slug}/write?slug={tagged.Slug}"));

        var scans = new List<string>();
        await using var connection = new SqliteConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements.Where(s => s.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).DistinctBy(s => s.Sql))
        {
            var tables = TablesByAlias(statement.Sql);
            foreach (var line in await PlanAsync(connection, statement))
            {
                if (Regex.Match(line, @"^SCAN (\w+)") is not { Success: true } scan) continue;
                var alias = scan.Groups[1].Value;
                var table = tables.GetValueOrDefault(alias, alias);
                // A subquery EF wrote as never true (a compiled query's "the reader's role" for an anonymous reader) never runs.
                if (Regex.IsMatch(statement.Sql, $"AS \"{alias}\"\\s+WHERE 0\\b")) continue;
                // The site's own lists (its home page, its search) are over the journals it lists: those read the journals.
                if (table == "Journals" && SiteWide.Contains(statement.Path.Split('?')[0])) continue;
                if (Growing.Contains(table)) scans.Add($"{statement.Path}: SCAN {table} ({line})\n{statement.Sql}");
            }
        }

        output.WriteLine($"{statements.Count} statements planned");
        Assert.True(statements.Count > 20, $"only {statements.Count} statements were captured");
        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    /// <summary>Each <c>"Table" AS "alias"</c> of the statement.</summary>
    private static Dictionary<string, string> TablesByAlias(string sql) =>
        Regex.Matches(sql, "\"(\\w+)\" AS \"(\\w+)\"").GroupBy(m => m.Groups[2].Value).ToDictionary(g => g.Key, g => g.First().Groups[1].Value);

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, SqlCountingApp.Statement statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }
}
