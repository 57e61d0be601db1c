using System.Net;
using System.Net.Http.Headers;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>The import and export endpoints of /api/v1, with personal access tokens, and their place in the OpenAPI document.</summary>
public abstract class PortabilityApiTests(AppFactory app)
{
    [Fact]
    public async Task An_owner_uploads_the_sample_follows_the_job_and_exports_the_journal_while_others_get_404()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = app.ApiClient(await app.TokenForAsync(owner));

        var body = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(WordPressFiles.Sample));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        body.Add(file, "file", "sample-export.xml");
        var accepted = await (await client.PostAsync($"/api/v1/journals/{journal.Slug}/imports", body)).JsonAsync(HttpStatusCode.Accepted);
        var url = accepted.GetProperty("url").GetString()!;

        var job = await FollowAsync(client, url);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(210, job.GetProperty("report").GetProperty("commentsImported").GetInt32());

        var export = await client.GetAsync($"/api/v1/journals/{journal.Slug}/export/wordpress");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("<wp:wxr_version>1.2</wp:wxr_version>", await export.Content.ReadAsStringAsync());

        var stranger = app.ApiClient(await app.TokenForAsync(await app.CreateUserAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/journals/{journal.Slug}/export/wordpress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);

        var document = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("ImportWordPress", document);
        Assert.Contains("GetImport", document);
        Assert.Contains("ExportWordPress", document);
        Assert.Contains("GetRestore", document);
    }

    [Fact]
    public async Task A_backup_restores_through_the_api_as_a_job_and_a_broken_one_ends_with_its_message()
    {
        var built = await BackupKit.BuildAsync(app);
        var client = app.ApiClient(await app.TokenForAsync(built.Owner));
        var slug = "api-" + Guid.NewGuid().ToString("N")[..8];
        var job = await RestoreAsync(client, await BackupKit.DownloadAsync(app, built.Owner, built.Journal), slug);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(slug, job.GetProperty("report").GetProperty("restoredSlug").GetString());
        Assert.Equal(await BackupKit.ShapeAsync(app, built.Journal.Slug), await BackupKit.ShapeAsync(app, slug));

        var stranger = app.ApiClient(await app.TokenForAsync(await app.CreateUserAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/journals/restore/{job.GetProperty("id").GetGuid():N}")).StatusCode);

        // Refused at once: not a zip; the address just taken.
        var notZip = await client.PostAsync("/api/v1/journals/restore", Body("not a zip"u8.ToArray(), null));
        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        Assert.Contains("not a zip archive", await notZip.Content.ReadAsStringAsync());
        var taken = await client.PostAsync("/api/v1/journals/restore", Body(await BackupKit.DownloadAsync(app, built.Owner, built.Journal), slug));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("slug", await taken.Content.ReadAsStringAsync());

        // A zip whose journal.json breaks off after its first part: the job reports it.
        var broken = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(broken, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("journal.json").Open()))
            writer.Write("{\"format\":\"hsct-journal-backup\",\"version\":1,\"posts\":[" + new string(' ', 70_000));
        var failed = await RestoreAsync(client, broken.ToArray(), "never-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Contains("journal.json does not fit the backup format", failed.GetProperty("report").GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_export_larger_than_the_api_body_limit_for_json_is_still_taken_by_the_import_endpoint()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = app.ApiClient(await app.TokenForAsync(owner));
        // The sample, padded past the 2 MiB the JSON endpoints take.
        var xml = (await File.ReadAllTextAsync(WordPressFiles.Sample)) + "<!-- " + new string('x', 3 * 1024 * 1024) + " -->";
        var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(xml));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        body.Add(file, "file", "big-export.xml");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/v1/journals/{journal.Slug}/imports", body)).StatusCode);
        // A JSON endpoint still refuses a body that large.
        var post = new StringContent("{\"title\":\"" + new string('x', 3 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync($"/api/v1/journals/{journal.Slug}/posts", post)).StatusCode);
    }

    private static MultipartFormDataContent Body(byte[] zip, string? slug)
    {
        var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        body.Add(file, "file", "backup.zip");
        if (slug is not null) body.Add(new StringContent(slug), "slug");
        return body;
    }

    private static async Task<System.Text.Json.JsonElement> RestoreAsync(HttpClient client, byte[] zip, string slug)
    {
        var accepted = await (await client.PostAsync("/api/v1/journals/restore", Body(zip, slug))).JsonAsync(HttpStatusCode.Accepted);
        var url = accepted.GetProperty("url").GetString()!;
        Assert.StartsWith("/api/v1/journals/restore/", url);
        return await FollowAsync(client, url);
    }

    /// <summary>Reads a job (import or restore) until it has ended.</summary>
    private static async Task<System.Text.Json.JsonElement> FollowAsync(HttpClient client, string url)
    {
        for (var polls = 0; ; polls++)
        {
            var job = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
            if (job.GetProperty("status").GetString() is not ("Queued" or "Running") || polls >= 600) return job;
            await Task.Delay(250);
        }
    }
}

public sealed class PortabilityApiTestsOnSqlite(SqliteApp app) : PortabilityApiTests(app), IClassFixture<SqliteApp>;
public sealed class PortabilityApiTestsOnPostgres(PostgresApp app) : PortabilityApiTests(app), IClassFixture<PostgresApp>;
