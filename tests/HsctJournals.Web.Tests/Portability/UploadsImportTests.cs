using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;
using static HsctJournals.Web.Tests.Portability.WordPressFiles;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>A zip of the old site's wp-content/uploads folder turns imported posts' images into photos of the journal.</summary>
public abstract class UploadsImportTests(AppFactory app)
{
    private const string Old = "https://crafted.example/wp-content/uploads/2024/05/";

    private static readonly string PostWithPhotos =
        $"<!-- wp:image --><figure class=\"wp-block-image\"><a href=\"{Old}day-0.jpg\"><img src=\"{Old}day-0-1024x768.jpg\" alt=\"The bag of my own cells\" class=\"wp-image-9\"/></a><figcaption>Day 0</figcaption></figure><!-- /wp:image -->"
        + $"\n\nThe ward: <img src=\"{Old}ward.png\" alt=\"\"> and a lost one <img src=\"{Old}missing.jpg\" alt=\"gone\"> and <img src=\"https://elsewhere.example/x.jpg\" alt=\"elsewhere\">";

    private static readonly string SecondPost = $"Again: <img src=\"{Old}day-0-300x225.jpg\" alt=\"\">";

    private async Task<(AppUser Owner, Journal Journal)> ImportedJournalAsync()
    {
        var owner = await app.CreateUserAsync("Sam Owner");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<WordPressImporter>().ImportAsync(journal.Id, owner.Id,
            Temp(Head + Item(1, "Day zero", content: PostWithPhotos) + Item(2, "Later", content: SecondPost, date: "2024-05-03 10:00:00") + Tail), null, CancellationToken.None));
        Assert.True(report.Succeeded, report.Error);
        return (owner, journal);
    }

    private static string Zip(params (string Name, byte[] Bytes)[] files)
    {
        var path = Path.Combine(Path.GetTempPath(), $"uploads-{Guid.NewGuid():N}.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in files)
        {
            using var entry = archive.CreateEntry(name).Open();
            entry.Write(bytes);
        }
        return path;
    }

    private Task<ImportReport> ImportPhotosAsync(Journal journal, AppUser owner, string zip) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<UploadsImporter>().ImportAsync(journal.Id, owner.Id, zip, null, CancellationToken.None));

    private Task<T> DbAsync<T>(Func<JournalsDbContext, Task<T>> query) => app.WithScopeAsync(sp => query(sp.GetRequiredService<JournalsDbContext>()));

    [Fact]
    public async Task Images_find_their_originals_become_photos_and_the_posts_show_them_and_a_second_run_changes_nothing()
    {
        var (owner, journal) = await ImportedJournalAsync();
        var original = PhotoKit.PhoneJpeg(1600, 1200);
        var zip = Zip(("wp-content/uploads/2024/05/day-0.jpg", original), ("wp-content/uploads/2024/05/day-0-1024x768.jpg", PhotoKit.PhoneJpeg(1024, 768, red: 30)),
            ("wp-content/uploads/2024/05/day-0-300x225.jpg", PhotoKit.PhoneJpeg(300, 225, red: 60)), ("wp-content/uploads/2024/05/ward.png", PhotoKit.Png()),
            ("wp-content/uploads/2024/05/never-used.png", PhotoKit.Png()), ("wp-content/uploads/2024/05/notes.txt", "hello"u8.ToArray()));

        var report = await ImportPhotosAsync(journal, owner, zip);

        Assert.True(report.Succeeded, report.Error);
        Assert.Equal((2, 0, 2, 3), (report.PhotosImported, report.PhotosAlreadyThere, report.PostsUpdated, report.MatchedCount));
        Assert.Contains("2024/05/day-0.jpg ← " + Old + "day-0-1024x768.jpg", report.Matched);
        Assert.Contains("2024/05/day-0.jpg ← " + Old + "day-0-300x225.jpg", report.Matched);
        Assert.Contains(report.Skipped, s => s.What == $"image {Old}missing.jpg" && s.Why.Contains("stays a link"));
        Assert.Equal(["2024/05/never-used.png"], report.UnusedFiles); // the resized copies of a used original are not "unused"
        Assert.Contains(report.Warnings, w => w.StartsWith("1 photos had no description"));

        var photos = await DbAsync(db => db.Photos.Where(p => p.JournalId == journal.Id).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(2, photos.Count);
        var day0 = photos.Single(p => p.FileName == "day-0.jpg");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(original)), day0.OriginalHash); // the original, not a resized copy
        Assert.Equal("The bag of my own cells", day0.AltText);
        Assert.True(photos.Single(p => p.FileName == "ward.png").IsDecorative);

        var posts = await DbAsync(db => db.Posts.Where(p => p.JournalId == journal.Id).OrderBy(p => p.Id).ToListAsync());
        Assert.Contains($"<img src=\"photo:{day0.Id}\" alt=\"The bag of my own cells\">", posts[0].Markdown);
        Assert.DoesNotContain("day-0", posts[0].Markdown);
        Assert.Contains(Old + "missing.jpg", posts[0].Markdown);
        Assert.Contains("https://elsewhere.example/x.jpg", posts[0].Markdown);
        Assert.Contains($"photo:{day0.Id}", posts[1].Markdown);
        Assert.Equal(3, await DbAsync(db => db.PhotoUsages.CountAsync(u => u.Post.JournalId == journal.Id)));

        var page = await app.AnonymousClient().GetStringAsync($"/j/{journal.Slug}/posts/{posts[0].Slug}");
        Assert.Contains("<picture>", page);
        Assert.Contains("alt=\"The bag of my own cells\"", page);
        Assert.Contains("<figcaption>Day 0</figcaption>", page);
        Assert.DoesNotContain(Old + "day-0", page);

        var again = await ImportPhotosAsync(journal, owner, zip);
        Assert.True(again.NothingNew);
        Assert.Equal((0, 0), (again.PhotosImported, again.PostsUpdated));
        Assert.Equal(2, await DbAsync(db => db.Photos.CountAsync(p => p.JournalId == journal.Id)));
    }

    [Fact]
    public async Task A_file_the_photo_rules_refuse_is_reported_and_its_image_stays_a_link()
    {
        var (owner, journal) = await ImportedJournalAsync();
        var report = await ImportPhotosAsync(journal, owner, Zip(("uploads/2024/05/day-0.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray()),
            ("uploads/2024/05/ward.png", PhotoKit.Png())));

        Assert.True(report.Succeeded, report.Error);
        Assert.Equal(1, report.PhotosImported);
        Assert.Contains(report.Skipped, s => s.What == "file 2024/05/day-0.jpg" && s.Why.Contains("SVG") && s.Why.Contains("stays a link"));
        var first = await DbAsync(db => db.Posts.Where(p => p.JournalId == journal.Id).OrderBy(p => p.Id).Select(p => p.Markdown).FirstAsync());
        Assert.Contains(Old + "day-0-1024x768.jpg", first);
    }

    public static TheoryData<string, string> HostileArchives => new()
    {
        { "traversal", "a path that leads outside its own folder" },
        { "bomb", "zip bomb" },
        { "text", "not a zip archive" },
    };

    [Theory, MemberData(nameof(HostileArchives))]
    public async Task Hostile_or_wrong_archives_are_refused_with_a_message_and_change_nothing(string kind, string message)
    {
        var (owner, journal) = await ImportedJournalAsync();
        var before = await DbAsync(db => db.Posts.Where(p => p.JournalId == journal.Id).OrderBy(p => p.Id).Select(p => p.Markdown).ToListAsync());
        var path = kind switch
        {
            "traversal" => Zip(("wp-content/uploads/2024/05/ward.png", PhotoKit.Png()), ("../../../../tmp/evil.png", PhotoKit.Png())),
            "bomb" => Zip(("wp-content/uploads/2024/05/ward.png", new byte[64 * 1024 * 1024])),
            _ => Temp("<rss>not a zip</rss>"),
        };

        var report = await ImportPhotosAsync(journal, owner, path);

        Assert.False(report.Succeeded);
        Assert.Contains(message, report.Error);
        Assert.Equal(0, await DbAsync(db => db.Photos.CountAsync(p => p.JournalId == journal.Id)));
        Assert.Equal(before, await DbAsync(db => db.Posts.Where(p => p.JournalId == journal.Id).OrderBy(p => p.Id).Select(p => p.Markdown).ToListAsync()));
    }

    [Fact]
    public async Task The_owner_uploads_the_zip_on_its_page_watches_the_job_and_reads_what_matched()
    {
        var (owner, journal) = await ImportedJournalAsync();
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/import/photos");

        var wrong = await UploadAsync(client, form, "export.xml", "<rss/>"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("“export.xml” is a WordPress export", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));

        var response = await UploadAsync(client, form, "uploads.zip", await File.ReadAllBytesAsync(Zip(("2024/05/ward.png", PhotoKit.Png()))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var jobPage = response.Headers.Location!.OriginalString;
        string html;
        var polls = 0;
        do
        {
            html = WebUtility.HtmlDecode(await client.GetStringAsync(jobPage));
            if (html.Contains("http-equiv=\"refresh\"")) await Task.Delay(250);
        } while (html.Contains("http-equiv=\"refresh\"") && ++polls < 400);
        Assert.Contains("Import finished", html);
        Assert.Contains("1 new photos", html);
        Assert.Contains("2024/05/ward.png ← " + Old + "ward.png", html);
        Assert.Contains($"image {Old}missing.jpg", html);

        var stranger = await app.SignedInClientAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/j/{journal.Slug}/import/photos")).StatusCode);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Forms form, string name, byte[] content)
    {
        var body = new MultipartFormDataContent { { new StringContent(form.Token!), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "Upload", name);
        return client.PostAsync(form.Url, body);
    }
}

public sealed class UploadsImportTestsOnSqlite(SqliteApp app) : UploadsImportTests(app), IClassFixture<SqliteApp>;
public sealed class UploadsImportTestsOnPostgres(PostgresApp app) : UploadsImportTests(app), IClassFixture<PostgresApp>;
