using System.Net;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>
/// Public photo variants go into the shared page cache after their first reader (no query for the next one), and
/// every write that takes a photo out of public view evicts it at once: the access rule holds for cached bytes too.
/// </summary>
public abstract class PhotoCacheTests(SqlCountingApp app)
{
    public enum Withdrawal { PostDeleted, PostBackToDraft, JournalClosed, PhotoDeleted }

    private async Task<(AppUser Owner, Journal Journal, Post Post, Photo Photo, PhotoVariant Variant)> PublicPhotoAsync()
    {
        var (owner, journal, _) = await app.OpenJournalAsync();
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.Png(1000, 700), "walk.png", "First walk outside");
        var post = await app.CreatePostAsync(journal, owner, "Outside", $"![](photo:{photo.Id})", publishAtUtc: DateTime.UtcNow.AddHours(-1));
        var variant = (await app.VariantsAsync(photo.Id)).First(v => v.Format == PhotoFormat.WebP && v.Width == 960);
        return (owner, journal, post, photo, variant);
    }

    [Fact]
    public async Task A_public_variant_is_served_from_the_shared_cache_after_its_first_reader_and_answers_head()
    {
        var (_, _, _, _, variant) = await PublicPhotoAsync();
        var reader = app.Visitor();

        var (firstCount, first) = await app.CountResponseAsync(reader, new HttpRequestMessage(HttpMethod.Get, variant.Url));
        var (secondCount, second) = await app.CountResponseAsync(app.Visitor(), new HttpRequestMessage(HttpMethod.Get, variant.Url));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(firstCount > 0, "the first reader runs the access rule");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, secondCount);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(PhotoEndpoints.PublicCacheControl, second.Headers.CacheControl?.ToString());
        Assert.Equal($"\"{variant.Hash}\"", second.Headers.ETag?.Tag);
        Assert.Equal("image/webp", second.Content.Headers.ContentType?.MediaType);

        var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, variant.Url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(variant.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_variant_only_a_member_may_see_is_never_stored_in_the_shared_cache()
    {
        var (owner, journal, _) = await app.OpenJournalAsync(JournalVisibility.Private);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.Png(800, 600), "bag.png", "The bag of cells");
        await app.CreatePostAsync(journal, owner, "Day 0", $"![](photo:{photo.Id})", publishAtUtc: DateTime.UtcNow.AddHours(-1));
        var url = (await app.VariantsAsync(photo.Id)).First().Url;
        var member = await app.SignedInVisitorAsync(owner);

        var (firstCount, first) = await app.CountResponseAsync(member, new HttpRequestMessage(HttpMethod.Get, url));
        var (secondCount, second) = await app.CountResponseAsync(member, new HttpRequestMessage(HttpMethod.Get, url));
        var anonymous = await app.Visitor().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(firstCount > 0 && secondCount > 0, "a private photo is checked on every request");
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Theory]
    [InlineData(Withdrawal.PostDeleted)]
    [InlineData(Withdrawal.PostBackToDraft)]
    [InlineData(Withdrawal.JournalClosed)]
    [InlineData(Withdrawal.PhotoDeleted)]
    public async Task Taking_a_photo_out_of_public_view_evicts_its_cached_copy_at_once(Withdrawal withdrawal)
    {
        var (owner, journal, post, photo, variant) = await PublicPhotoAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Visitor().GetAsync(variant.Url)).StatusCode);
        var (cachedCount, cached) = await app.CountResponseAsync(app.Visitor(), new HttpRequestMessage(HttpMethod.Get, variant.Url));
        Assert.Equal((HttpStatusCode.OK, 0), (cached.StatusCode, cachedCount));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var tracked = await db.Posts.SingleAsync(p => p.Id == post.Id);
            var ownJournal = await db.Journals.SingleAsync(j => j.Id == journal.Id);
            switch (withdrawal)
            {
                case Withdrawal.PostDeleted:
                    await sp.GetRequiredService<PostEditor>().DeleteAsync(tracked);
                    break;
                case Withdrawal.PostBackToDraft:
                    var draft = await sp.GetRequiredService<PostEditor>().UpdateAsync(tracked, ownJournal, owner.Id,
                        new PostInput { Title = tracked.Title, Markdown = tracked.Markdown, Status = PostStatus.Draft }, TimeZoneInfo.Utc);
                    Assert.True(draft.Succeeded);
                    break;
                case Withdrawal.JournalClosed:
                    var closed = await sp.GetRequiredService<JournalEditor>().UpdateAsync(ownJournal,
                        new JournalInput { Title = ownJournal.Title, Slug = ownJournal.Slug, Visibility = JournalVisibility.Private });
                    Assert.True(closed.Succeeded);
                    break;
                case Withdrawal.PhotoDeleted:
                    Assert.True(await sp.GetRequiredService<PhotoLibrary>().DeleteAsync(journal.Id, photo.Id));
                    break;
            }
        });

        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync(variant.Url)).StatusCode);
    }
}

public sealed class PhotoCacheTestsOnSqlite(SqlCountingSqliteApp app) : PhotoCacheTests(app), IClassFixture<SqlCountingSqliteApp>;
public sealed class PhotoCacheTestsOnPostgres(SqlCountingPostgresApp app) : PhotoCacheTests(app), IClassFixture<SqlCountingPostgresApp>;
