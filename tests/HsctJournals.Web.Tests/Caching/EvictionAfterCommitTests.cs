using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Caching;

/// <summary>
/// A write inside a transaction evicts the page cache when the transaction commits, not before (decision 0046):
/// a reader between the write and its commit sees the committed (old) page, and had the eviction already run, that
/// reader would have put the old page back into the cache for good.
/// </summary>
public abstract class EvictionAfterCommitTests(SqlCountingApp app)
{
    private async Task<(Post Post, string Url)> CachedPostAsync()
    {
        var (owner, journal, _) = await app.OpenJournalAsync();
        var post = await app.CreatePostAsync(journal, owner, "Engrafted", "The old words.", publishAtUtc: DateTime.UtcNow.AddHours(-1));
        var url = $"/j/{journal.Slug}/posts/{post.Slug}";
        Assert.Contains("The old words.", await app.Visitor().GetStringAsync(url));
        var (count, _) = await app.CountResponseAsync(app.Visitor(), new HttpRequestMessage(HttpMethod.Get, url));
        Assert.Equal(0, count); // served from the shared cache
        return (post, url);
    }

    [Fact]
    public async Task A_post_rendered_again_inside_a_transaction_is_evicted_when_it_commits()
    {
        var (post, url) = await CachedPostAsync();

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var tracked = await db.Posts.SingleAsync(p => p.Id == post.Id);
            tracked.Markdown = "The new words.";
            await sp.GetRequiredService<PostEditor>().RerenderAsync(tracked);

            // Not committed: readers still get the cached page, and no reader can cache the old one again.
            var (during, response) = await app.CountResponseAsync(app.Visitor(), new HttpRequestMessage(HttpMethod.Get, url));
            Assert.Equal(0, during);
            Assert.Contains("The old words.", await response.Content.ReadAsStringAsync());
            await transaction.CommitAsync();
        });

        var after = await app.Visitor().GetStringAsync(url);
        Assert.Contains("The new words.", after);
        Assert.DoesNotContain("The old words.", after);
    }

    [Fact]
    public async Task A_write_rolled_back_evicts_nothing()
    {
        var (post, url) = await CachedPostAsync();

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var tracked = await db.Posts.SingleAsync(p => p.Id == post.Id);
            tracked.Markdown = "Words never saved.";
            await sp.GetRequiredService<PostEditor>().RerenderAsync(tracked);
            await transaction.RollbackAsync();
        });

        var (count, response) = await app.CountResponseAsync(app.Visitor(), new HttpRequestMessage(HttpMethod.Get, url));
        Assert.Equal(0, count);
        Assert.Contains("The old words.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_write_without_a_transaction_evicts_at_once()
    {
        var (post, url) = await CachedPostAsync();

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var tracked = await db.Posts.SingleAsync(p => p.Id == post.Id);
            tracked.Markdown = "The new words.";
            await sp.GetRequiredService<PostEditor>().RerenderAsync(tracked);
        });

        Assert.Contains("The new words.", await app.Visitor().GetStringAsync(url));
    }
}

public sealed class EvictionAfterCommitTestsOnSqlite(SqlCountingSqliteApp app) : EvictionAfterCommitTests(app), IClassFixture<SqlCountingSqliteApp>;
public sealed class EvictionAfterCommitTestsOnPostgres(SqlCountingPostgresApp app) : EvictionAfterCommitTests(app), IClassFixture<SqlCountingPostgresApp>;
