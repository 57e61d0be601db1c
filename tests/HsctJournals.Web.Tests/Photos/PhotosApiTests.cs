using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>The photos API: upload (multipart, streamed), list, describe, delete — for the journal's writers' tokens only.</summary>
public abstract class PhotosApiTests(AppFactory app)
{
    private static MultipartFormDataContent Upload(string? alt, string name, byte[] bytes, string type = "image/png")
    {
        var form = new MultipartFormDataContent();
        if (alt is not null) form.Add(new StringContent(alt), "AltText");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "files", name);
        return form;
    }

    [Fact]
    public async Task A_writers_token_uploads_lists_describes_and_deletes_a_photo_and_a_strangers_gets_404()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var api = app.ApiClient(await app.TokenForAsync(owner));
        var url = $"/api/v1/journals/{journal.Slug}/photos";

        var created = await (await api.PostAsync(url, Upload("Line going in", "line.jpg", PhotoKit.PhoneJpeg(1200, 900, orientation: 1, red: 91), "image/jpeg")))
            .JsonAsync(HttpStatusCode.Created);
        var photo = created.GetProperty("added")[0];
        var id = photo.GetProperty("id").GetInt32();
        Assert.Equal($"![Line going in](photo:{id})", photo.GetProperty("markdown").GetString());
        Assert.Equal(6, photo.GetProperty("variants").GetArrayLength());

        var list = await (await api.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, list[0].GetProperty("id").GetInt32());

        var described = await (await api.PutAsJsonAsync($"{url}/{id}", new { altText = "The PICC line", decorative = false, caption = "Day -6" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("The PICC line", described.GetProperty("altText").GetString());
        var tooLong = await (await api.PutAsJsonAsync($"{url}/{id}", new { altText = new string('a', 10_000), decorative = false })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most 500 characters", tooLong.GetRawText());

        // Refusals are problems with the reason; nothing is stored.
        var svg = await (await api.PostAsync(url, Upload("x", "x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "image/svg+xml"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("SVG files can carry scripts", svg.GetRawText());
        var noAlt = await (await api.PostAsync(url, Upload(null, "y.png", PhotoKit.Png(300, 200)))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Describe the photo in a few words", noAlt.GetRawText());

        var theirs = app.ApiClient(await app.TokenForAsync(stranger));
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync(url, Upload("z", "z.png", PhotoKit.Png(301, 200)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.DeleteAsync($"{url}/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(0, (await (await api.GetAsync(url)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_photo_endpoints()
    {
        var doc = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/journals/{journal}/photos", doc);
        Assert.Contains("UploadPhotos", doc);
        Assert.Contains("DescribePhoto", doc);
    }
}

public sealed class PhotosApiTestsOnSqlite(SqliteApp app) : PhotosApiTests(app), IClassFixture<SqliteApp>;
public sealed class PhotosApiTestsOnPostgres(PostgresApp app) : PhotosApiTests(app), IClassFixture<PostgresApp>;
