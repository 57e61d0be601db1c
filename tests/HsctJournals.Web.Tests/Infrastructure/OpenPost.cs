using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// A public journal whose one post takes anonymous comments without holding them, set up through the forms of a
/// running app process as its seeded admin would; and an anonymous comment posted through the post page's form.
/// Used by the tests that drive app processes from outside (several nodes, a database outage).
/// </summary>
public static partial class OpenPost
{
    /// <summary>The app settings such a test needs: every comment there is posted by a script, on purpose.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ScriptedCommentSettings =>
    [
        new("Comments:MinimumFillSeconds", "0"), new("Comments:MaxPerIp", "100000"), new("Comments:MaxPerEmail", "100000"),
    ];

    /// <summary>A browser-like client (own cookies, no redirects followed) for one base address.</summary>
    public static HttpClient Client(string baseUrl) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };

    /// <summary>Signs the admin in at <paramref name="baseUrl"/>, creates the journal and its post; returns the post's path.</summary>
    public static async Task<string> CreateAsync(string baseUrl, string journalTitle, string journalSlug)
    {
        var admin = Client(baseUrl);
        var login = await Forms.GetAsync(admin, "/Identity/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, (await login.PostAsync(admin, new() { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.Password })).StatusCode);
        var journal = await Forms.GetAsync(admin, "/journals/new");
        Assert.Equal(HttpStatusCode.Redirect, (await journal.PostAsync(admin, new() { ["Input.Title"] = journalTitle, ["Input.Visibility"] = "Public" })).StatusCode);
        var comments = await Forms.GetAsync(admin, $"/j/{journalSlug}/settings/comments");
        Assert.Equal(HttpStatusCode.Redirect, (await comments.PostAsync(admin, new()
        {
            ["Input.WhoMayComment"] = "Anyone", ["Input.Hold"] = "Never", ["Input.MaxLinksBeforeHold"] = "2", ["Input.ThreadDepth"] = "5",
            ["Input.OwnerNotification"] = "EveryComment",
        })).StatusCode);
        var write = await Forms.GetAsync(admin, $"/j/{journalSlug}/write");
        var saved = await write.PostAsync(admin, new() { ["Input.Title"] = "Read everywhere", ["Input.Markdown"] = "Served by every node.", ["Input.Status"] = "Published" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return saved.Headers.Location!.OriginalString;
    }

    /// <summary>
    /// Posts an anonymous comment through the form on the post page (read from <paramref name="baseUrl"/>) and
    /// returns the response: 302 to the comment's anchor when it was stored. A page that did not come back 200
    /// is returned as it is, unposted.
    /// </summary>
    public static async Task<HttpResponseMessage> CommentAsync(string baseUrl, string postPath, string text, string name = "Node reader")
    {
        var client = Client(baseUrl);
        var page = await client.GetAsync(postPath);
        if (page.StatusCode != HttpStatusCode.OK) return page;
        var rendered = RenderedValue(await page.Content.ReadAsStringAsync());
        return await client.PostAsync(postPath + "?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Text"] = text, ["Input.AuthorName"] = name, ["Input.AuthorEmail"] = $"{Guid.NewGuid():N}"[..10] + "@readers.test",
            ["Input.Rendered"] = rendered,
        }));
    }

    /// <summary>The comment form's protected render time (<c>Input.Rendered</c>) as read from a post page, to post back.</summary>
    public static string RenderedValue(string postPageHtml) => WebUtility.HtmlDecode(RenderedField().Match(postPageHtml).Groups[1].Value);

    /// <summary>The id in a comment's redirect (…#comment-42).</summary>
    public static int CommentId(HttpResponseMessage response) =>
        int.Parse(CommentAnchor().Match(response.Headers.Location!.OriginalString).Groups[1].Value);

    /// <summary>How many of these comment ids are stored, read straight from the PostgreSQL database.</summary>
    public static async Task<long> StoredAsync(string connectionString, IReadOnlyCollection<int> ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"Comments\" WHERE \"Id\" = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex("name=\"Input.Rendered\" value=\"([^\"]+)\"")]
    private static partial Regex RenderedField();

    [GeneratedRegex(@"#comment-(\d+)")]
    private static partial Regex CommentAnchor();
}
