using System.Net;
using System.Net.Http.Headers;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>The Photos page works as plain HTML forms: upload several files, see refusals, describe and delete with a warning.</summary>
public abstract class PhotosPageTests(AppFactory app)
{
    private static MultipartFormDataContent UploadForm(string token, string? alt, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (alt is not null) form.Add(new StringContent(alt), "AltText");
        foreach (var (name, type, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(content, "files", name);
        }
        return form;
    }

    [Fact]
    public async Task A_writer_uploads_several_photos_through_the_form_and_sees_each_refusal_in_words()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = await app.SignedInClientAsync(owner);
        var page = await Forms.GetAsync(client, $"/j/{journal.Slug}/photos");
        Assert.Contains("Alt text tells people who cannot see the photo", WebUtility.HtmlDecode(page.Html));

        var response = await client.PostAsync($"/j/{journal.Slug}/photos?handler=Upload", UploadForm(page.Token!, "Our garden",
            ("garden.png", "image/png", PhotoKit.Png(700, 500)),
            ("IMG_1.jpg", "image/jpeg", PhotoKit.PhoneJpeg(900, 700, orientation: 1, red: 33)),
            ("evil.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray())));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>garden.png</li>", html);
        Assert.Contains("<li>IMG_1.jpg</li>", html);
        Assert.Contains("“evil.svg” is an SVG drawing. SVG files can carry scripts", html);
        Assert.Contains("All photos (2)", html);
        Assert.Contains("![Our garden](photo:", html);

        // Without alt text nothing is added, and the page says why.
        var again = await Forms.GetAsync(client, $"/j/{journal.Slug}/photos");
        response = await client.PostAsync($"/j/{journal.Slug}/photos?handler=Upload", UploadForm(again.Token!, null, ("x.png", "image/png", PhotoKit.Png(300, 300))));
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Describe the photo in a few words, or mark it as decorative.", html);
        Assert.Contains("All photos (2)", html);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(stranger)).GetAsync($"/j/{journal.Slug}/photos")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_photo_a_post_shows_warns_and_names_the_post_first()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.Png(640, 400), "walk.png", "First walk");
        await app.CreatePostAsync(journal, owner, "Outside at last", $"![](photo:{photo.Id})");
        var client = await app.SignedInClientAsync(owner);
        var confirm = await Forms.GetAsync(client, $"/j/{journal.Slug}/photos/{photo.Id}/delete");
        Assert.Contains("Warning: this photo is shown in 1 post", confirm.Html);
        Assert.Contains("Outside at last", confirm.Html);
        var response = await confirm.PostAsync(client, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("All photos (0)", await client.GetStringAsync($"/j/{journal.Slug}/photos"));
        // Another journal's writer cannot reach it by id.
        var other = await app.CreateUserAsync();
        var theirs = await app.CreateJournalAsync(other, JournalVisibility.Public);
        var kept = await app.UploadOkAsync(journal, owner, PhotoKit.Png(641, 400), "kept.png", "Kept");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(other)).GetAsync($"/j/{theirs.Slug}/photos/{kept.Id}/delete")).StatusCode);
    }
}

public sealed class PhotosPageTestsOnSqlite(SqliteApp app) : PhotosPageTests(app), IClassFixture<SqliteApp>;
public sealed class PhotosPageTestsOnPostgres(PostgresApp app) : PhotosPageTests(app), IClassFixture<PostgresApp>;
