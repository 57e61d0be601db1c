using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Portability.Backup;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>"Download everything" and "Restore a backup" on one database (design invariant 8).</summary>
public abstract class BackupRestoreTests(AppFactory app)
{
    [Fact]
    public async Task A_backup_restored_into_a_new_journal_has_the_same_posts_threads_treatment_data_and_photos()
    {
        var built = await BackupKit.BuildAsync(app);
        var zip = await BackupKit.DownloadAsync(app, built.Owner, built.Journal);
        var newSlug = "restored-" + Guid.NewGuid().ToString("N")[..8];
        var (status, html) = await BackupKit.RestoreThroughFormAsync(app, built.Owner, zip, slug: newSlug);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("is restored", html);
        Assert.Contains($"/j/{newSlug}", html);
        Assert.Equal(await BackupKit.ShapeAsync(app, built.Journal.Slug), await BackupKit.ShapeAsync(app, newSlug));
        // Restored old posts are not news.
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Posts
            .AnyAsync(p => p.Journal.Slug == newSlug && p.Status == PostStatus.Published && p.AnnouncedAt == null)));
    }

    [Fact]
    public async Task A_version_1_backup_without_the_infused_CD34_dose_restores_with_the_dose_empty_and_everything_else_equal()
    {
        var built = await BackupKit.BuildAsync(app);
        var current = await BackupKit.DownloadAsync(app, built.Owner, built.Journal);
        // The same file as a site before format version 2 wrote it: no infusedCd34PerKg.
        var old = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(current)))
        using (var target = new ZipArchive(old, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                await using var to = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName != "journal.json") { await using var from = entry.Open(); await from.CopyToAsync(to); continue; }
                var json = JsonNode.Parse(BackupKit.Text(source, "journal.json"))!;
                json["version"] = 1;
                foreach (var course in json["treatmentCourses"]!.AsArray()) Assert.True(course!.AsObject().Remove("infusedCd34PerKg"));
                await to.WriteAsync(Encoding.UTF8.GetBytes(json.ToJsonString()));
            }
        var newSlug = "v1-" + Guid.NewGuid().ToString("N")[..8];
        var (status, html) = await BackupKit.RestoreThroughFormAsync(app, built.Owner, old.ToArray(), slug: newSlug);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("is restored", html);
        var expected = (await BackupKit.ShapeAsync(app, built.Journal.Slug)).Replace("|5.65\n", "|\n");
        Assert.Contains("|5.65\n", await BackupKit.ShapeAsync(app, built.Journal.Slug));
        Assert.Equal(expected, await BackupKit.ShapeAsync(app, newSlug));
    }

    [Fact]
    public async Task The_zip_holds_documented_json_markdown_with_front_matter_photo_originals_and_a_static_copy_without_private_data()
    {
        var built = await BackupKit.BuildAsync(app);
        using var zip = new ZipArchive(new MemoryStream(await BackupKit.DownloadAsync(app, built.Owner, built.Journal)));
        var json = JsonNode.Parse(BackupKit.Text(zip, "journal.json"))!;
        Assert.Equal("hsct-journal-backup", (string?)json["format"]);
        Assert.Equal(2, (int?)json["version"]);
        Assert.Equal(5.65m, (decimal?)json["treatmentCourses"]![0]!["infusedCd34PerKg"]);
        Assert.Equal(3, json["posts"]!.AsArray().Count); // with the journal's first post
        // The owner's backup keeps commenters' addresses for restoring (docs/decisions/0018)…
        Assert.Contains(built.CommenterEmail, json.ToJsonString());

        var markdown = zip.Entries.Where(e => e.FullName.StartsWith("posts/")).Select(e => e.FullName).Order().ToList();
        Assert.Equal(3, markdown.Count);
        var published = BackupKit.Text(zip, "posts/2024-04-02-" + built.Published.Slug + ".md");
        Assert.StartsWith("---\ntitle: \"Harvest: day \\\"one\\\"\"\n", published);
        Assert.Contains("tags: [\"apheresis\", \"CD34\"]", published);
        Assert.Contains("category: \"Harvest\"", published);
        Assert.Contains("\n---\n\n**Bold** start.", published);

        var photo = Assert.Single(zip.Entries, e => e.FullName.StartsWith("photos/"));
        Assert.EndsWith("-IMG_Day0.jpg", photo.FullName);
        using (var bytes = new MemoryStream())
        {
            await photo.Open().CopyToAsync(bytes);
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));
            Assert.Equal((string?)json["photos"]![0]!["sha256"], hash);
        }

        var index = BackupKit.Text(zip, "site/index.html");
        Assert.Contains("Harvest: day &quot;one&quot;", index);
        Assert.DoesNotContain("Secret draft", index);
        Assert.DoesNotContain("<script", index);
        var page = BackupKit.Text(zip, $"site/posts/{built.Published.Slug}.html");
        Assert.Contains($"src=\"../../{photo.FullName}\"", page);
        Assert.Contains("<figcaption>Day 0 &lt;3</figcaption>", page);
        Assert.Contains("Reply at depth 5 &lt;b&gt;not bold&lt;/b&gt;", page);
        Assert.Equal(5, CountOf(page, "<ol class=\"comments\">"));
        Assert.DoesNotContain("cheap pills", page);
        Assert.DoesNotContain("held for a moderator", page);
        Assert.DoesNotContain("Secret draft", string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("site/")).Select(e => BackupKit.Text(zip, e.FullName))));
        // …and nothing else in the zip does: the static copy and the Markdown never show an address.
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".html") || e.FullName.EndsWith(".md")))
            Assert.DoesNotContain("@", BackupKit.Text(zip, entry.FullName).Replace("@media", ""));
        Assert.DoesNotContain("http", page.Replace("http://www.w3.org", "")); // opens offline: nothing loaded from anywhere
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public async Task Only_an_owner_downloads_everything_and_everyone_else_gets_404()
    {
        var (owner, journal, _) = await Comments.CommentKit.OpenJournalAsync(app);
        var coAuthor = await app.CreateUserAsync();
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(coAuthor)).GetAsync($"/j/{journal.Slug}/export/backup")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync($"/j/{journal.Slug}/export/backup")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(owner)).GetAsync($"/j/{journal.Slug}/export/backup")).StatusCode);
    }

    public static TheoryData<string, string, string> WrongFiles => new()
    {
        { "export.xml", "<rss/>", "This is a WordPress export" },
        { "backup.zip", "not a zip at all", "This file is not a zip archive" },
        { "backup.zip", "zip:readme.txt", "This zip has no journal.json" },
        { "backup.zip", "zip:journal.json={\"format\":\"something-else\",\"version\":1}", "is not an HSCT Journals backup" },
        { "backup.zip", "zip:journal.json={\"format\":\"hsct-journal-backup\",\"version\":99}", "format version is not one this site reads" },
        { "photo.jpg", "x", "is a .jpg file" },
    };

    [Theory, MemberData(nameof(WrongFiles))]
    public async Task A_wrong_file_is_named_as_such_keeps_what_was_typed_and_creates_nothing(string fileName, string content, string message)
    {
        var user = await app.CreateUserAsync();
        var slug = "kept-" + Guid.NewGuid().ToString("N")[..8];
        var (status, html) = await BackupKit.RestoreThroughFormAsync(app, user, Bytes(content), fileName, "My typed title", slug);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, html);
        Assert.Contains("value=\"My typed title\"", html);
        Assert.Contains($"value=\"{slug}\"", html);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Journals.AnyAsync(j => j.Slug == slug)));
    }

    [Fact]
    public async Task A_broken_backup_that_passes_the_first_look_ends_its_job_with_a_message_and_creates_nothing()
    {
        var user = await app.CreateUserAsync();
        var slug = "broken-" + Guid.NewGuid().ToString("N")[..8];
        var (status, html) = await BackupKit.RestoreThroughFormAsync(app, user,
            Bytes("zip:journal.json={\"format\":\"hsct-journal-backup\",\"version\":1,\"posts\":\"oops\"}"), title: "Typed", slug: slug);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The backup was not restored", html);
        Assert.Contains("journal.json does not fit the backup format", html);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Journals.AnyAsync(j => j.Slug == slug)));
        // The job and its upload are done with: the report stays, the file is gone.
        var job = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().ImportJobs.SingleAsync(j => j.RequestedById == user.Id));
        Assert.Equal(ImportJobStatus.Failed, job.Status);
        Assert.Null(job.StoredPath);
        Assert.Null(job.JournalId);
        // Someone else cannot see it.
        var stranger = await app.SignedInClientAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/journals/restore/{job.Id:N}")).StatusCode);
    }

    [Fact]
    public async Task A_restore_interrupted_by_a_restart_removes_its_half_made_journal_and_runs_again_to_the_same_result()
    {
        var built = await BackupKit.BuildAsync(app);
        var zip = await BackupKit.DownloadAsync(app, built.Owner, built.Journal);
        var slug = "again-" + Guid.NewGuid().ToString("N")[..8];
        // What a process killed in the middle of a restore leaves: a job marked Running, its upload on disk, and the
        // journal it had begun (made, the rest not yet committed).
        var jobId = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var queue = sp.GetRequiredService<ImportQueue>();
            var begun = (await sp.GetRequiredService<JournalEditor>().CreateAsync(built.Owner.Id, new JournalInput { Title = "Half made", Slug = slug })).Value!;
            var job = queue.NewJob(ImportJobKind.Restore, built.Owner.Id, "backup.zip", "backup.zip");
            job.RestoreSlug = slug;
            job.StoredPath = queue.WorkPath("restore-" + job.Id.ToString("N") + ".zip");
            await File.WriteAllBytesAsync(job.StoredPath, zip);
            job.Status = ImportJobStatus.Running;
            job.StartedAt = DateTime.UtcNow;
            job.JournalId = begun.Id;
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

        // The worker's first act on start.
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<ImportRecovery>().RequeueInterruptedAsync(CancellationToken.None)));
        app.Services.GetRequiredService<ImportQueue>().Wake();

        var (_, html) = await BackupKit.FollowJobAsync(await app.SignedInClientAsync(built.Owner), $"/journals/restore/{jobId:N}");
        Assert.Contains("is restored", html);
        Assert.Equal(await BackupKit.ShapeAsync(app, built.Journal.Slug), await BackupKit.ShapeAsync(app, slug));
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            Assert.False(await db.Journals.AnyAsync(j => j.Title == "Half made" && j.Slug == slug));
            Assert.Equal(1, await db.Journals.CountAsync(j => j.Slug == slug));
        });
    }

    private static byte[] Bytes(string content)
    {
        if (!content.StartsWith("zip:")) return Encoding.UTF8.GetBytes(content);
        var (name, text) = content[4..].Split('=', 2) is [var n, var t] ? (n, t) : (content[4..], "hello");
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write(text);
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_restore_that_fails_halfway_leaves_no_journal_and_its_address_free()
    {
        var built = await BackupKit.BuildAsync(app);
        using var original = new ZipArchive(new MemoryStream(await BackupKit.DownloadAsync(app, built.Owner, built.Journal)));
        var json = JsonNode.Parse(BackupKit.Text(original, "journal.json"))!;
        // Two posts with one address: the database refuses the second, after photos and the first post were stored.
        json["posts"]![1]!["slug"] = (string?)json["posts"]![0]!["slug"];
        var broken = new MemoryStream();
        using (var zip = new ZipArchive(broken, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in original.Entries)
            {
                await using var target = zip.CreateEntry(entry.FullName).Open();
                if (entry.FullName == "journal.json") await target.WriteAsync(Encoding.UTF8.GetBytes(json.ToJsonString()));
                else await entry.Open().CopyToAsync(target);
            }
        }
        var slug = "half-" + Guid.NewGuid().ToString("N")[..8];
        var (status, html) = await BackupKit.RestoreThroughFormAsync(app, built.Owner, broken.ToArray(), slug: slug);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Nothing was restored", html);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            Assert.False(await db.Journals.AnyAsync(j => j.Slug == slug));
            Assert.False(await db.RetiredSlugs.AnyAsync(s => s.Slug == slug));
            Assert.Equal(1, await db.Photos.CountAsync(p => p.FileName == "IMG_Day0.jpg" && p.Journal.Slug == built.Journal.Slug));
        });
        // The address is free at once: the same backup, mended, restores there.
        var (_, again) = await BackupKit.RestoreThroughFormAsync(app, built.Owner, await BackupKit.DownloadAsync(app, built.Owner, built.Journal), slug: slug);
        Assert.Contains("is restored", again);
    }

    [Fact]
    public async Task A_taken_address_is_refused_with_the_editor_rule_and_the_backup_address_is_the_default()
    {
        var built = await BackupKit.BuildAsync(app);
        var zip = await BackupKit.DownloadAsync(app, built.Owner, built.Journal);
        var (_, html) = await BackupKit.RestoreThroughFormAsync(app, built.Owner, zip);
        Assert.DoesNotContain("is restored", html);
        Assert.Contains("field-error", html);
        Assert.Contains("address", html, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class BackupRestoreTestsOnSqlite(SqliteApp app) : BackupRestoreTests(app), IClassFixture<SqliteApp>;
public sealed class BackupRestoreTestsOnPostgres(PostgresApp app) : BackupRestoreTests(app), IClassFixture<PostgresApp>;

/// <summary>A backup made on one database restores on the other into an equal journal (the issue's "restore on the other provider").</summary>
public sealed class BackupAcrossProvidersTests(SqliteApp sqlite, PostgresApp postgres) : IClassFixture<SqliteApp>, IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_backup_from_SQLite_restores_on_PostgreSQL_and_back_into_equal_journals()
    {
        var built = await BackupKit.BuildAsync(sqlite);
        var expected = await BackupKit.ShapeAsync(sqlite, built.Journal.Slug);
        var people = await sqlite.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().JournalMembers
            .Where(m => m.JournalId == built.Journal.Id).Select(m => new { m.User.Email, m.User.DisplayName }).ToListAsync());
        // The same people have accounts on the other site (members are matched by e-mail address).
        foreach (var person in people) await SameUserAsync(postgres, person.Email!, person.DisplayName);
        var owner = await postgres.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(built.Owner.Email!));

        var (_, html) = await BackupKit.RestoreThroughFormAsync(postgres, owner!, await BackupKit.DownloadAsync(sqlite, built.Owner, built.Journal));
        Assert.Contains("is restored", html);
        Assert.Equal(expected, await BackupKit.ShapeAsync(postgres, built.Journal.Slug));

        var back = "back-" + Guid.NewGuid().ToString("N")[..8];
        var restoredThere = await postgres.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Journals.SingleAsync(j => j.Slug == built.Journal.Slug));
        var (_, html2) = await BackupKit.RestoreThroughFormAsync(sqlite, built.Owner, await BackupKit.DownloadAsync(postgres, owner!, restoredThere), slug: back);
        Assert.Contains("is restored", html2);
        Assert.Equal(expected, await BackupKit.ShapeAsync(sqlite, back));
    }

    private static Task SameUserAsync(AppFactory app, string email, string name) => app.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTime.UtcNow }, AppFactory.Password);
        Assert.True(result.Succeeded);
    });
}

/// <summary>
/// A backup carries the journal's photos, so it is held to the archive limit, not to the smaller limit for
/// WordPress export files (a 255 MB backup this site had just written was refused at the 200 MB export limit).
/// </summary>
public sealed class BackupUploadLimitTests(BackupUploadLimitTests.App app) : IClassFixture<BackupUploadLimitTests.App>
{
    public sealed class App() : AppFactory(new SqliteTestDatabase())
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portability:MaxUploadMegabytes", "3");
            builder.UseSetting("Portability:MaxArchiveMegabytes", "7");
        }
    }

    [Fact]
    public async Task The_restore_form_and_its_check_use_the_archive_limit()
    {
        var client = await app.SignedInClientAsync(await app.CreateUserAsync());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/journals/restore"));
        Assert.Contains("up to 7 MB", page);
        Assert.Equal(7L * 1024 * 1024, await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<BackupUploads>().MaxBytes)));
    }
}
