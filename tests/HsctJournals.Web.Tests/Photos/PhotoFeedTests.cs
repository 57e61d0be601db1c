using System.Net;
using System.Text.RegularExpressions;
using HsctJournals.Web.Data;
using HsctJournals.Web.Feeds;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>
/// Photos in feeds: absolute addresses from Site:BaseUrl; a public journal's are plain, a secret feed's of a closed
/// journal are signed for its owner and work without a cookie only while that person may see the photo.
/// </summary>
public abstract partial class PhotoFeedTests(AppFactory app)
{
    [Fact]
    public async Task A_public_feed_carries_absolute_photo_addresses_that_anyone_can_open()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.Png(1000, 500), "walk.png", "First walk outside");
        await app.CreatePostAsync(journal, owner, "Outside", $"![First walk outside](photo:{photo.Id})");
        var anonymous = app.AnonymousClient();

        foreach (var format in new[] { "rss", "atom" })
        {
            var feed = await anonymous.GetStringAsync($"/j/{journal.Slug}/feed.{format}");
            var urls = PhotoUrls().Matches(WebUtility.HtmlDecode(feed)).Select(m => m.Value).Distinct().ToList();
            Assert.NotEmpty(urls);
            Assert.All(urls, u => Assert.StartsWith(AppFactory.SiteBaseUrl + "/photos/", u));
            Assert.All(urls, u => Assert.DoesNotContain("?", u));
            Assert.DoesNotContain("\"/photos/", WebUtility.HtmlDecode(feed));
            var image = await anonymous.GetAsync(urls[0][AppFactory.SiteBaseUrl.Length..]);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal(PhotoEndpoints.PublicCacheControl, image.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task A_secret_feed_signs_each_photo_for_its_owner_and_the_signature_opens_nothing_else()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        var reader = await app.CreateUserAsync();
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        // Sizes of their own, so no variant can share its bytes with another test's public photo.
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.Png(1000, 700), "bag.png", "The bag of cells");
        var other = await app.UploadOkAsync(journal, owner, PhotoKit.Png(1000, 900), "other.png", "Not in any post");
        await app.CreatePostAsync(journal, owner, "Day 0", $"![The bag of cells](photo:{photo.Id})");
        var secret = await app.WithScopeAsync(sp => sp.GetRequiredService<SecretFeeds>().CreateAsync(reader.Id, journal.Id, CancellationToken.None));
        var anonymous = app.AnonymousClient();

        var first = await anonymous.GetAsync($"/feeds/{secret}.rss");
        var feed = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        var urls = PhotoUrls().Matches(feed).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.Matches($"^{Regex.Escape(AppFactory.SiteBaseUrl)}/photos/[0-9a-f]{{64}}\\.(jpg|webp)\\?access=", u));
        // The same links on every poll that day, so the feed's ETag holds and readers get 304.
        var again = new HttpRequestMessage(HttpMethod.Get, $"/feeds/{secret}.rss");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);

        var signedPath = urls.First(u => u.Contains(".jpg?"))[AppFactory.SiteBaseUrl.Length..];
        var plainPath = signedPath[..signedPath.IndexOf('?')];
        var missing = await anonymous.GetAsync("/photos/" + new string('0', 64) + ".jpg");
        var notFoundBody = await missing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(plainPath)).StatusCode);

        var image = await anonymous.GetAsync(signedPath);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.True(image.Headers.CacheControl is { Private: true, NoCache: true, Public: false });

        // The signature belongs to one variant: moved to another photo of the journal, or altered, it opens nothing.
        var access = signedPath[(signedPath.IndexOf('?') + 1)..];
        var otherVariant = (await app.VariantsAsync(other.Id)).First(v => v.Format == PhotoFormat.Jpeg);
        var owned = (await app.VariantsAsync(photo.Id)).First(v => v.Format == PhotoFormat.Jpeg && plainPath.EndsWith(v.Hash + ".jpg"));
        await AssertNotFoundAsync($"{otherVariant.Url}?{access}", notFoundBody);
        await AssertNotFoundAsync($"{plainPath}?{access[..^3]}AAA", notFoundBody);
        await AssertNotFoundAsync($"{plainPath}?access=garbage", notFoundBody);
        // Signed for someone else, or expired: nothing.
        var signer = app.Services.GetRequiredService<SignedPhotoLinks>();
        var stranger = await app.CreateUserAsync();
        await AssertNotFoundAsync($"{plainPath}?access={Uri.EscapeDataString(signer.Sign(owned.Hash, stranger.Id))}", notFoundBody);
        await AssertNotFoundAsync($"{plainPath}?access={Uri.EscapeDataString(signer.Sign(owned.Hash, reader.Id, DateTimeOffset.UtcNow.AddDays(-1)))}", notFoundBody);

        // The reader is taken off the journal: their signed links stop at once, long before they expire.
        await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().JournalMembers
            .Where(m => m.JournalId == journal.Id && m.UserId == reader.Id).ExecuteDeleteAsync());
        await AssertNotFoundAsync(signedPath, notFoundBody);
    }

    private async Task AssertNotFoundAsync(string path, string notFoundBody)
    {
        var response = await app.AnonymousClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(notFoundBody, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"http://[^""\s,<>]+/photos/[^""\s,<>]+")]
    private static partial Regex PhotoUrls();
}

public sealed class PhotoFeedTestsOnSqlite(SqliteApp app) : PhotoFeedTests(app), IClassFixture<SqliteApp>;
public sealed class PhotoFeedTestsOnPostgres(PostgresApp app) : PhotoFeedTests(app), IClassFixture<PostgresApp>;
