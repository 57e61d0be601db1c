using HsctJournals.Domain.Comments;
using System.Net;
using System.Text.RegularExpressions;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>
/// Design invariant 2: after comments with known addresses are posted (approved, held, spam, replies), an
/// anonymous reader and a signed-in stranger crawl everything they can reach — pages, feeds, sitemap, API,
/// OpenAPI — and the addresses appear nowhere. Only the moderation queue shows them, to the owner.
/// </summary>
public abstract partial class EmailNeverLeaksTests(AppFactory app)
{
    [Fact]
    public async Task No_commenter_address_appears_in_anything_a_stranger_can_fetch()
    {
        var (owner, journal, post) = await app.OpenJournalAsync(hold: HoldRule.FirstCommentFromNewEmail);
        var second = await app.CreatePostAsync(journal, owner, "Second leak post", "More text.", publishAtUtc: DateTime.UtcNow.AddMinutes(-30), category: "Recovery", tags: "fatigue");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var addresses = new[] { $"Approved.Person+{tag}@Example.org", $"held-{tag}@example.net", $"spammer-{tag}@example.com", $"replier-{tag}@example.org" };

        var commenter = app.Visitor();
        var path = CommentKit.PathOf(journal, post);
        await app.SetPolicyAsync(journal, s => { s.Hold = HoldRule.Never; s.BlockedWords = "casino"; });
        var fields = CommentKit.Fields("An approved comment", "Leak Approved", addresses[0], "https://approved.example");
        fields["Input.Remember"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await app.CommentAsync(commenter, path, fields)).StatusCode);
        var approvedId = (await app.AddCommentAsync(journal, second, "Leak Approved", addresses[0], "Also on the second post")).Comment!.Id;
        await app.AddCommentAsync(journal, post, "Leak Replier", addresses[3], "A reply", approvedId);
        await app.AddCommentAsync(journal, post, "Leak Spammer", addresses[2], "casino casino");
        await app.SetPolicyAsync(journal, s => s.Hold = HoldRule.Always);
        await app.AddCommentAsync(journal, post, "Leak Held", addresses[1], "Held for now");

        var ownerQueue = await (await app.SignedInVisitorAsync(owner)).GetStringAsync($"/j/{journal.Slug}/comments?status=pending");
        Assert.Contains(addresses[1].ToLowerInvariant(), ownerQueue); // the one place they belong

        var anonymous = app.Visitor();
        var stranger = await app.SignedInVisitorAsync(await app.CreateUserAsync("Stranger Danger"));
        var strangerToken = await app.TokenForAsync(await app.CreateUserAsync("Token Stranger"));
        var seeds = new List<string>
        {
            "/", "/search?q=Leak", "/search?q=approved", $"/j/{journal.Slug}", $"/j/{journal.Slug}/archive", $"/j/{journal.Slug}/search?q=Leak",
            $"/j/{journal.Slug}/feeds", $"/j/{journal.Slug}/feed.rss", $"/j/{journal.Slug}/feed.atom", $"/j/{journal.Slug}/category/recovery/feed.rss",
            path, $"{path}?replyto={approvedId}", $"{path}?cpage=2", $"/j/{journal.Slug}/posts/{second.Slug}",
            $"/j/{journal.Slug}/comments.rss", $"{path}/comments.rss", $"/comments/{approvedId}", $"/comments/{approvedId}/edit",
            $"/j/{journal.Slug}/comments", $"/j/{journal.Slug}/comments/{approvedId}", $"/j/{journal.Slug}/settings/comments",
            "/sitemap.xml", "/robots.txt", "/openapi/v1.json", "/api/v1/journals", $"/api/v1/journals/{journal.Slug}",
            $"/api/v1/journals/{journal.Slug}/posts", $"/api/v1/journals/{journal.Slug}/posts/{post.Slug}",
            $"/api/v1/journals/{journal.Slug}/posts/{post.Slug}/comments", $"/api/v1/journals/{journal.Slug}/posts/{second.Slug}/comments",
            $"/api/v1/journals/{journal.Slug}/comments?status=pending", $"/api/v1/journals/{journal.Slug}/comments?status=approved",
        };

        var tokenClient = app.ApiClient(strangerToken);
        var fetched = 0;
        foreach (var (name, client) in new[] { ("anonymous", anonymous), ("stranger", stranger), ("token", tokenClient) })
        {
            var queue = new Queue<string>(seeds);
            var seen = new HashSet<string>(seeds);
            while (queue.TryDequeue(out var url) && seen.Count < 400)
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(',', h.Value)}"));
                fetched++;
                Assert.True((int)response.StatusCode < 500, $"{name} GET {url} answered {(int)response.StatusCode}");
                foreach (var address in addresses)
                {
                    foreach (var form in new[] { address, address.ToLowerInvariant(), WebUtility.UrlEncode(address.ToLowerInvariant()), address.Split('@')[0].ToLowerInvariant() + "@" })
                    {
                        Assert.False(body.Contains(form, StringComparison.OrdinalIgnoreCase), $"{name} found {form} in the body of {url}");
                        Assert.False(headers.Contains(form, StringComparison.OrdinalIgnoreCase), $"{name} found {form} in the headers of {url}");
                    }
                }
                foreach (Match link in Link().Matches(body))
                {
                    var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                    if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) continue;
                    href = href.Split('#')[0];
                    if (href.Length == 0 || href.StartsWith("/Identity/Account/Logout", StringComparison.Ordinal)) continue;
                    if (seen.Add(href)) queue.Enqueue(href);
                }
            }
        }
        Assert.True(fetched > seeds.Count * 3, $"Only {fetched} responses were checked.");
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex Link();
}

public sealed class EmailNeverLeaksTestsOnSqlite(CommentsSqliteApp app) : EmailNeverLeaksTests(app), IClassFixture<CommentsSqliteApp>;
public sealed class EmailNeverLeaksTestsOnPostgres(CommentsPostgresApp app) : EmailNeverLeaksTests(app), IClassFixture<CommentsPostgresApp>;
