using System.Text.RegularExpressions;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>og:image carries a public post's first photo (absolute, from Site:BaseUrl) and never a private journal's.</summary>
public abstract class OpenGraphPhotoTests(AppFactory app)
{
    [Fact]
    public async Task A_public_post_offers_its_first_photo_for_link_previews_and_a_private_one_offers_none()
    {
        var owner = await app.CreateUserAsync();
        var open = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var photo = await app.UploadOkAsync(open, owner, PhotoKit.Png(1200, 800), "first.png", "First walk");
        var post = await app.CreatePostAsync(open, owner, "Out", $"Text.\n\n![First walk](photo:{photo.Id})");
        var html = await app.AnonymousClient().GetStringAsync($"/j/{open.Slug}/posts/{post.Slug}");
        var image = Regex.Match(html, "<meta property=\"og:image\" content=\"([^\"]+)\"");
        Assert.True(image.Success, "no og:image");
        Assert.Matches($"^{Regex.Escape(AppFactory.SiteBaseUrl)}/photos/[0-9a-f]{{64}}\\.jpg$", image.Groups[1].Value);
        var served = await app.AnonymousClient().GetAsync(image.Groups[1].Value[AppFactory.SiteBaseUrl.Length..]);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);

        var closed = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var secret = await app.UploadOkAsync(closed, owner, PhotoKit.Png(1201, 800), "secret.png", "Secret");
        var hidden = await app.CreatePostAsync(closed, owner, "In", $"![Secret](photo:{secret.Id})");
        var own = await (await app.SignedInClientAsync(owner)).GetStringAsync($"/j/{closed.Slug}/posts/{hidden.Slug}");
        Assert.Contains("<figure", own);
        Assert.DoesNotContain("og:image", own);
    }
}

public sealed class OpenGraphPhotoTestsOnSqlite(SqliteApp app) : OpenGraphPhotoTests(app), IClassFixture<SqliteApp>;
public sealed class OpenGraphPhotoTestsOnPostgres(PostgresApp app) : OpenGraphPhotoTests(app), IClassFixture<PostgresApp>;
