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

        System.Text.Json.JsonElement job;
        var polls = 0;
        do
        {
            job = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
            if (job.GetProperty("status").GetString() is "Queued" or "Running") await Task.Delay(250);
            else break;
        } while (++polls < 400);
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
    }
}

public sealed class PortabilityApiTestsOnSqlite(SqliteApp app) : PortabilityApiTests(app), IClassFixture<SqliteApp>;
public sealed class PortabilityApiTestsOnPostgres(PostgresApp app) : PortabilityApiTests(app), IClassFixture<PostgresApp>;
