using HsctJournals.Domain.Comments;
using System.Net;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Caching;

/// <summary>
/// The shared page cache: anonymous readers get one stored rendering (same validator on every request) until a
/// write that changes the page evicts it; signed-in readers and non-public content never get a shared copy.
/// A cached response is recognised by its ETag: every rendering makes a new one.
/// </summary>
public abstract class PageCacheTests(AppFactory app)
{
    private async Task<(HttpStatusCode Status, string? ETag, string? CacheControl, string Html)> GetAsync(string path, HttpClient? client = null)
    {
        client ??= app.Visitor();
        var response = await client.GetAsync(path);
        return (response.StatusCode, response.Headers.ETag?.Tag, response.Headers.CacheControl?.ToString(), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads twice as two anonymous readers; asserts the second got the stored copy, and returns its ETag.</summary>
    private async Task<string> CachedETagAsync(string path)
    {
        var first = await GetAsync(path);
        var second = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.NotNull(first.ETag);
        Assert.Equal(first.ETag, second.ETag);
        return first.ETag!;
    }

    private async Task AssertEvictedAsync(string path, string before, string? nowShows = null)
    {
        var after = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual(before, after.ETag);
        if (nowShows is not null) Assert.Contains(nowShows, after.Html);
    }

    [Fact]
    public async Task An_anonymous_reader_gets_the_stored_page_with_public_validators_and_a_304_when_unchanged()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var path = CommentKit.PathOf(journal, post);
        var etag = await CachedETagAsync(path);
        var page = await GetAsync(path);
        Assert.Contains("public", page.CacheControl);
        Assert.Contains("no-cache", page.CacheControl);
        Assert.DoesNotContain("__RequestVerificationToken", page.Html); // a shared page carries nobody's token

        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var response = await app.Visitor().SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task An_approved_comment_evicts_its_post_its_journal_lists_and_feeds_but_not_other_posts()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var other = await app.CreatePostAsync(journal, owner, "Another day", publishAtUtc: DateTime.UtcNow.AddHours(-2));
        var postPath = CommentKit.PathOf(journal, post);
        var (postTag, homeTag, feedTag, otherTag) = (await CachedETagAsync(postPath), await CachedETagAsync($"/j/{journal.Slug}"),
            await CachedETagAsync($"/j/{journal.Slug}/comments.rss"), await CachedETagAsync(CommentKit.PathOf(journal, other)));

        await app.AddCommentAsync(journal, post, "Cached Carol", CommentKit.NewEmail(), "Seen at once by everyone");

        await AssertEvictedAsync(postPath, postTag, "Seen at once by everyone");
        await AssertEvictedAsync($"/j/{journal.Slug}", homeTag, "1 comment");
        await AssertEvictedAsync($"/j/{journal.Slug}/comments.rss", feedTag, "Seen at once by everyone");
        Assert.Equal(otherTag, (await GetAsync(CommentKit.PathOf(journal, other))).ETag);
    }

    [Fact]
    public async Task A_held_comment_changes_no_shared_page_until_it_is_approved()
    {
        var (owner, journal, post) = await app.OpenJournalAsync(hold: HoldRule.Always);
        var path = CommentKit.PathOf(journal, post);
        var before = await CachedETagAsync(path);
        var held = await app.AddCommentAsync(journal, post, "Held Hal", CommentKit.NewEmail(), "Waiting for the owner");
        var stillCached = await GetAsync(path);
        Assert.Equal(before, stillCached.ETag);
        Assert.DoesNotContain("Waiting for the owner", stillCached.Html);

        await app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().ApplyAsync(journal.Id, [held.Comment!.Id], ModerationAction.Approve, CancellationToken.None));
        await AssertEvictedAsync(path, before, "Waiting for the owner");

        var approved = (await GetAsync(path)).ETag!;
        await app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().ApplyAsync(journal.Id, [held.Comment!.Id], ModerationAction.Spam, CancellationToken.None));
        var gone = await GetAsync(path);
        Assert.NotEqual(approved, gone.ETag);
        Assert.DoesNotContain("Waiting for the owner", gone.Html);
    }

    [Fact]
    public async Task Editing_a_post_evicts_its_page_its_neighbours_and_the_journal_lists()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var older = await app.CreatePostAsync(journal, owner, "The day before", publishAtUtc: DateTime.UtcNow.AddHours(-3));
        var (postTag, olderTag, archiveTag, feedTag) = (await CachedETagAsync(CommentKit.PathOf(journal, post)), await CachedETagAsync(CommentKit.PathOf(journal, older)),
            await CachedETagAsync($"/j/{journal.Slug}/archive"), await CachedETagAsync($"/j/{journal.Slug}/feed.rss"));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.JournalsDbContext>();
            var tracked = await db.Posts.FindAsync(post.Id);
            var result = await sp.GetRequiredService<PostEditor>().UpdateAsync(tracked!, journal, owner.Id,
                new PostInput { Title = "Home again after engraftment", Markdown = "Edited.", Status = PostStatus.Published, PublishAt = tracked!.PublishedAt }, TimeZoneInfo.Utc);
            Assert.True(result.Succeeded);
        });

        await AssertEvictedAsync(CommentKit.PathOf(journal, post), postTag, "Home again after engraftment");
        await AssertEvictedAsync(CommentKit.PathOf(journal, older), olderTag, "Home again after engraftment"); // its "next" link
        await AssertEvictedAsync($"/j/{journal.Slug}/archive", archiveTag);
        await AssertEvictedAsync($"/j/{journal.Slug}/feed.rss", feedTag, "Home again after engraftment");
    }

    [Fact]
    public async Task Journal_settings_and_comment_settings_evict_every_page_of_the_journal()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var path = CommentKit.PathOf(journal, post);
        var before = await CachedETagAsync(path);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.JournalsDbContext>();
            var tracked = await db.Journals.FindAsync(journal.Id);
            var result = await sp.GetRequiredService<JournalEditor>().UpdateAsync(tracked!, new JournalInput
            {
                Title = "Renamed journal", Slug = journal.Slug, Visibility = JournalVisibility.Public, ShowDayNumbers = true,
            });
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        });
        await AssertEvictedAsync(path, before, "Renamed journal");

        // Closing comments goes through the settings page, as the owner does it.
        var renamed = (await GetAsync(path)).ETag!;
        var ownerClient = await app.SignedInVisitorAsync(owner);
        var form = await Forms.GetAsync(ownerClient, $"/j/{journal.Slug}/settings/comments");
        var fields = new Dictionary<string, string>
        {
            ["Input.WhoMayComment"] = nameof(CommentPermission.Nobody), ["Input.Hold"] = nameof(HoldRule.Never),
            ["Input.MaxLinksBeforeHold"] = "2", ["Input.ThreadDepth"] = "5",
        };
        var saved = await form.PostAsync(ownerClient, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var closed = await GetAsync(path);
        Assert.NotEqual(renamed, closed.ETag);
        Assert.DoesNotContain("Post Comment", closed.Html);
    }

    [Fact]
    public async Task Making_a_journal_private_answers_404_at_once_instead_of_the_stored_page()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var path = CommentKit.PathOf(journal, post);
        await CachedETagAsync(path);
        await CachedETagAsync($"/j/{journal.Slug}/feed.rss");
        await CachedETagAsync("/sitemap.xml");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.JournalsDbContext>();
            var tracked = await db.Journals.FindAsync(journal.Id);
            var result = await sp.GetRequiredService<JournalEditor>().UpdateAsync(tracked!, new JournalInput
            {
                Title = tracked!.Title, Slug = journal.Slug, Visibility = JournalVisibility.Private, ShowDayNumbers = true,
            });
            Assert.True(result.Succeeded);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/j/{journal.Slug}/feed.rss")).Status);
        Assert.DoesNotContain($"/j/{journal.Slug}", (await GetAsync("/sitemap.xml")).Html);
    }

    [Fact]
    public async Task Treatment_sharing_and_membership_changes_evict_the_journal()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var path = CommentKit.PathOf(journal, post);
        var before = await CachedETagAsync(path);
        Assert.DoesNotContain($"/j/{journal.Slug}/treatment\"", (await GetAsync(path)).Html);
        await app.WithScopeAsync(async sp =>
        {
            var owned = await sp.GetRequiredService<TreatmentAccess>().FindOwnedAsync(journal.Slug, new Reader(owner.Id, false), create: true);
            await sp.GetRequiredService<CourseDetailsEditor>().SetSharingAsync(owned!.Value.Course!, TreatmentSharing.JournalReaders, CancellationToken.None);
        });
        await AssertEvictedAsync(path, before, $"/j/{journal.Slug}/treatment\"");

        var shared = (await GetAsync(path)).ETag!;
        var member = await app.CreateUserAsync();
        await app.WithScopeAsync(async sp =>
            Assert.True((await sp.GetRequiredService<JournalMembership>().AddByEmailAsync(journal, member.Email, JournalRole.ApprovedReader)).Succeeded));
        Assert.NotEqual(shared, (await GetAsync(path)).ETag);
    }

    [Fact]
    public async Task Signed_in_readers_are_never_served_or_stored_as_the_shared_page()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var path = CommentKit.PathOf(journal, post);
        var anonymous = await CachedETagAsync(path);

        var ownerClient = await app.SignedInVisitorAsync(owner);
        var ownerPage = await GetAsync(path, ownerClient);
        Assert.NotEqual(anonymous, ownerPage.ETag);
        AssertNeverPublic(ownerPage.CacheControl);
        Assert.Contains("/edit\"", ownerPage.Html); // the owner's own controls…
        var after = await GetAsync(path);
        Assert.Equal(anonymous, after.ETag); // …never reach the shared copy
        Assert.DoesNotContain("/edit\"", after.Html);
    }

    [Fact]
    public async Task Members_only_and_unlisted_content_is_never_public_and_never_shared_with_strangers()
    {
        var (owner, journal, post) = await app.OpenJournalAsync(JournalVisibility.ApprovedReaders);
        var path = CommentKit.PathOf(journal, post);
        var member = await app.CreateUserAsync();
        await app.AddMemberAsync(journal, member, JournalRole.ApprovedReader);
        var memberPage = await GetAsync(path, await app.SignedInVisitorAsync(member));
        Assert.Equal(HttpStatusCode.OK, memberPage.Status);
        AssertNeverPublic(memberPage.CacheControl);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/j/{journal.Slug}")).Status);

        var (_, unlisted, unlistedPost) = await app.OpenJournalAsync(JournalVisibility.Unlisted);
        await CachedETagAsync(CommentKit.PathOf(unlisted, unlistedPost));
        // Readable by link, so shared between anonymous readers, but kept only by the reader's own browser.
        Assert.Contains("private", (await GetAsync(CommentKit.PathOf(unlisted, unlistedPost))).CacheControl);
        AssertNeverPublic((await GetAsync(CommentKit.PathOf(unlisted, unlistedPost))).CacheControl);
        Assert.Contains("private", (await GetAsync($"/j/{unlisted.Slug}/feed.rss")).CacheControl);
    }

    [Fact]
    public async Task A_commenter_with_their_cookie_sees_their_held_comment_while_others_get_the_shared_page()
    {
        var (_, journal, post) = await app.OpenJournalAsync(hold: HoldRule.Always);
        var path = CommentKit.PathOf(journal, post);
        var shared = await CachedETagAsync(path);
        var commenter = app.Visitor();
        var response = await app.CommentAsync(commenter, path, CommentKit.Fields("My words, awaiting moderation", "Pat", CommentKit.NewEmail()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("My words, awaiting moderation", (await GetAsync(path, commenter)).Html);
        var other = await GetAsync(path);
        Assert.Equal(shared, other.ETag);
        Assert.DoesNotContain("My words, awaiting moderation", other.Html);
    }

    [Fact]
    public async Task A_commenter_cookie_gets_the_shared_page_while_none_of_its_comments_is_held_or_editable()
    {
        var (_, journal, post) = await app.OpenJournalAsync(hold: HoldRule.Always);
        var path = CommentKit.PathOf(journal, post);
        var shared = await CachedETagAsync(path);
        Assert.Equal(shared, (await GetWithCookiesAsync(path, $"{CommentCookies.AuthorCookie}={Guid.NewGuid():N}")).ETag);
        // Remembered name and e-mail fill the form: that page is the reader's own.
        Assert.NotEqual(shared, (await GetWithCookiesAsync(path,
            $"{CommentCookies.AuthorCookie}={Guid.NewGuid():N}; {CommentCookies.DetailsCookie}=remembered")).ETag);

        var commenter = app.Visitor();
        await app.CommentAsync(commenter, path, CommentKit.Fields("Held for the owner to read first", "Pat", CommentKit.NewEmail()));
        var held = await GetAsync(path, commenter);
        Assert.Null(held.ETag);
        Assert.Contains("Held for the owner to read first", held.Html);

        var id = await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id).Select(c => c.Id).SingleAsync());
        await app.WithScopeAsync(sp => sp.GetRequiredService<CommentModerator>().ApplyAsync(journal.Id, [id], ModerationAction.Approve, CancellationToken.None));
        var approved = await CachedETagAsync(path);
        var editable = await GetAsync(path, commenter);
        Assert.Null(editable.ETag); // their edit link is still on it
        Assert.Contains($"/comments/{id}/edit", editable.Html);

        await app.DbAsync(db => db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTime.UtcNow.AddMinutes(-16))));
        Assert.Equal(approved, (await GetAsync(path, commenter)).ETag);
    }

    private async Task<(HttpStatusCode Status, string? ETag, string? CacheControl, string Html)> GetWithCookiesAsync(string path, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        var response = await app.Visitor().SendAsync(request);
        return (response.StatusCode, response.Headers.ETag?.Tag, response.Headers.CacheControl?.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_follow_form_on_a_shared_page_works_without_a_token_but_not_from_another_site()
    {
        var (_, journal, _) = await app.OpenJournalAsync();
        var home = await GetAsync($"/j/{journal.Slug}");
        Assert.Contains($"action=\"/j/{journal.Slug}/follow\"", home.Html);
        Assert.DoesNotContain("__RequestVerificationToken", home.Html);
        var fields = new Dictionary<string, string> { ["Email"] = CommentKit.NewEmail("follower"), ["Frequency"] = "Instant" };

        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/j/{journal.Slug}/follow") { Content = new FormUrlEncodedContent(fields) };
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        var refused = await app.Visitor().SendAsync(forged);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("another site", await refused.Content.ReadAsStringAsync());

        using var own = new HttpRequestMessage(HttpMethod.Post, $"/j/{journal.Slug}/follow") { Content = new FormUrlEncodedContent(fields) };
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        own.Headers.Add("Origin", "http://localhost");
        var accepted = await app.Visitor().SendAsync(own);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    /// <summary>A personal page: private or not stored at all (antiforgery's no-store), never public.</summary>
    private static void AssertNeverPublic(string? cacheControl)
    {
        Assert.NotNull(cacheControl);
        Assert.DoesNotContain("public", cacheControl);
        Assert.Contains("no-cache", cacheControl);
    }
}

public sealed class PageCacheTestsOnSqlite(CommentsSqliteApp app) : PageCacheTests(app), IClassFixture<CommentsSqliteApp>;
public sealed class PageCacheTestsOnPostgres(CommentsPostgresApp app) : PageCacheTests(app), IClassFixture<CommentsPostgresApp>;

/// <summary>The same app with its page cache in a private Redis (the several-node store), on PostgreSQL.</summary>
public sealed class CommentsPostgresRedisApp : CommentsApp
{
    private readonly RedisProcess _redis = RedisProcess.Start();

    public CommentsPostgresRedisApp() : base(new PostgresTestDatabase()) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cache:Redis", _redis.Configuration);
    }

    // AppFactory's IAsyncLifetime.DisposeAsync calls the factory's own DisposeAsync directly (an override of it is
    // skipped); that ends in Dispose(true), so the private Redis is stopped here.
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _redis.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

public sealed class PageCacheTestsOnPostgresWithRedis(CommentsPostgresRedisApp app) : PageCacheTests(app), IClassFixture<CommentsPostgresRedisApp>;
