using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>
/// Photos added from the post editor: the plain form (no JavaScript) uploads, keeps the text and adds the
/// references; the script's endpoint answers JSON; a file over the limit ends the reading of the body.
/// </summary>
public abstract class EditorPhotoTests(AppFactory app)
{
    /// <summary>The editor's form as a browser sends it: the token first, the post's fields, then the photo fields and files last.</summary>
    private static MultipartFormDataContent EditorForm(string token, string title, string markdown, string? alt, params (string Name, string Type, HttpContent Body)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("0"), "Version" },
            { new StringContent(title), "Input.Title" },
            { new StringContent(markdown), "Input.Markdown" },
            { new StringContent("Published"), "Input.Status" },
            { new StringContent("bloods, garden"), "Input.Tags" },
        };
        if (alt is not null) form.Add(new StringContent(alt), "AltText");
        foreach (var (name, type, body) in files)
        {
            body.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(body, "files", name);
        }
        return form;
    }

    private static (string Name, string Type, HttpContent Body) File(string name, string type, byte[] bytes) => (name, type, new ByteArrayContent(bytes));

    [Fact]
    public async Task Without_javascript_the_upload_button_adds_the_photos_to_the_end_of_the_text_and_keeps_everything_typed()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);
        var page = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");
        Assert.Contains("enctype=\"multipart/form-data\"", page.Html);

        var response = await client.PostAsync($"/j/{journal.Slug}/write?handler=Upload", EditorForm(page.Token!, "Day +20: home", "We walked to the **park**.", "The garden gate",
            File("gate.png", "image/png", PhotoKit.Png(640, 480)), File("IMG_2.jpg", "image/jpeg", PhotoKit.PhoneJpeg(800, 600, orientation: 1, red: 77))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var ids = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Data.JournalsDbContext>().Photos.Where(p => p.JournalId == journal.Id).OrderBy(p => p.Id).Select(p => p.Id).ToList()));
        Assert.Equal(2, ids.Count);
        Assert.Contains($"We walked to the **park**.\n\n![The garden gate](photo:{ids[0]})\n![The garden gate](photo:{ids[1]})\n", html.ReplaceLineEndings("\n"));
        Assert.Contains("value=\"Day +20: home\"", html);
        Assert.Contains("value=\"bloods, garden\"", html);
        Assert.Contains("Added 2 photos to the end of your text", html);
        Assert.Contains("value=\"The garden gate\"", html);
        Assert.Contains("No posts yet.", await client.GetStringAsync($"/j/{journal.Slug}/manage"));
    }

    [Fact]
    public async Task A_refused_upload_keeps_the_text_says_why_and_stores_nothing()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = await app.SignedInClientAsync(owner);
        var page = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");
        var before = await app.CountsAsync();

        var response = await client.PostAsync($"/j/{journal.Slug}/write?handler=Upload", EditorForm(page.Token!, "Scan day", "Words I typed on the ward.", "A drawing",
            File("evil.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray())));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“evil.svg” is an SVG drawing. SVG files can carry scripts", html);
        Assert.Contains("Words I typed on the ward.</textarea>", html);
        Assert.DoesNotContain("photo:", html.Split("<textarea")[1].Split("</textarea>")[0]);

        // No alt text: refused with the reason, the text kept.
        page = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");
        response = await client.PostAsync($"/j/{journal.Slug}/write?handler=Upload", EditorForm(page.Token!, "Scan day", "Still here.", null,
            File("scan.png", "image/png", PhotoKit.Png(300, 300))));
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Describe the photo in a few words, or mark it as decorative.", html);
        Assert.Contains("Still here.</textarea>", html);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task Saving_with_photos_chosen_uploads_them_and_the_published_post_shows_them()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);
        var page = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");
        var response = await client.PostAsync($"/j/{journal.Slug}/write?handler=Save", EditorForm(page.Token!, "First walk", "Outside at last.", "Trees by the path",
            File("walk.png", "image/png", PhotoKit.Png(1000, 700))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await app.AnonymousClient().GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("<figure", post);
        Assert.Contains("alt=\"Trees by the path\"", post);
    }

    [Fact]
    public async Task The_scripts_endpoint_answers_json_with_the_reference_to_insert()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);
        var page = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");

        var form = new MultipartFormDataContent { { new StringContent("Cells in the bag"), "AltText" } };
        var png = new ByteArrayContent(PhotoKit.Png(500, 500));
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(png, "files", "image.png");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/j/{journal.Slug}/write?handler=Photo") { Content = form };
        request.Headers.Add("RequestVerificationToken", page.Token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var added = json.RootElement.GetProperty("added")[0];
        Assert.Equal($"![Cells in the bag](photo:{added.GetProperty("id").GetInt32()})", added.GetProperty("markdown").GetString());

        // Without the token nothing is stored; a stranger gets 404 like for a missing journal.
        var counts = await app.CountsAsync();
        var forged = new MultipartFormDataContent { { new StringContent("x"), "AltText" } };
        var again = new ByteArrayContent(PhotoKit.Png(501, 500));
        again.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        forged.Add(again, "files", "image.png");
        response = await client.PostAsync($"/j/{journal.Slug}/write?handler=Photo", forged);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(counts, await app.CountsAsync());
        var theirs = await app.SignedInClientAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync($"/j/{journal.Slug}/write?handler=Photo", new MultipartFormDataContent { { new StringContent("x"), "AltText" } })).StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_limit_stops_the_reading_of_the_body_and_the_text_comes_back()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);
        var page = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");
        var huge = new PhotoKit.EndlessJpegStream(200L * 1024 * 1024);

        var response = await client.PostAsync($"/j/{journal.Slug}/write?handler=Upload", EditorForm(page.Token!, "Big one", "My long day.", "Huge",
            File("small.png", "image/png", PhotoKit.Png(320, 240)), ("huge.jpg", "image/jpeg", new StreamContent(huge)), File("after.png", "image/png", PhotoKit.Png(321, 240))));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“huge.jpg” is larger than 25 MB, the most a photo may be.", html);
        Assert.Contains("Photos after it in the same upload were not read", html);
        Assert.Contains("My long day.\n\n![Huge](photo:", html.ReplaceLineEndings("\n"));
        Assert.Contains("value=\"Big one\"", html);
        // The server stopped reading a little after the limit, far from the 200 MB sent.
        Assert.True(huge.BytesRead < 60L * 1024 * 1024, $"{huge.BytesRead:N0} bytes were read");
        var names = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Data.JournalsDbContext>().Photos.Where(p => p.JournalId == journal.Id).Select(p => p.FileName).ToList()));
        Assert.Equal(["small.png"], names);
    }
}

public sealed class EditorPhotoTestsOnSqlite(SqliteApp app) : EditorPhotoTests(app), IClassFixture<SqliteApp>;
public sealed class EditorPhotoTestsOnPostgres(PostgresApp app) : EditorPhotoTests(app), IClassFixture<PostgresApp>;
