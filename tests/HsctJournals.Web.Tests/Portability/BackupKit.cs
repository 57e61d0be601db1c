using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using HsctJournals.Domain.Photos;
using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Photos;
using HsctJournals.Web.Tests.Treatment;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>A journal with everything a backup must carry, its download, its restore, and a by-value picture of it to compare.</summary>
public static partial class BackupKit
{
    public sealed record Built(AppUser Owner, Journal Journal, Post Published, string CommenterEmail);

    /// <summary>
    /// Posts (published with category, tags, custom excerpt and a photo; a draft), revisions, a thread five deep, spam and
    /// pending comments, a member, and a treatment course with labs, events, phases, follow-ups, drugs and prior therapies.
    /// </summary>
    public static async Task<Built> BuildAsync(AppFactory app)
    {
        var (owner, journal, _) = await app.OpenJournalAsync();
        var coAuthor = await app.CreateUserAsync("Cleo Coauthor");
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.PhoneJpeg(800, 600, orientation: 1, red: 120), "IMG_Day0.jpg", "The bag of cells", caption: "Day 0 <3");
        var published = await app.CreatePostAsync(journal, owner, "Harvest: day \"one\"",
            $"**Bold** start.\n\n{PhotoReference.Markdown(photo.Id, "Cells")}\n\nAfter the photo.", category: "Harvest", tags: "CD34, apheresis",
            publishAtUtc: new DateTime(2024, 4, 2, 8, 15, 30, DateTimeKind.Utc));
        await app.CreatePostAsync(journal, coAuthor, "Secret draft", "Not yet.", status: PostStatus.Draft);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var post = await db.Posts.SingleAsync(p => p.Id == published.Id);
            post.Excerpt = "A custom excerpt";
            post.ExcerptIsCustom = true;
            db.PostRevisions.Add(new PostRevision { PostId = post.Id, Title = "First title", Markdown = "First words", SavedAt = new DateTime(2024, 4, 1, 9, 0, 0, DateTimeKind.Utc), SavedById = owner.Id });
            await db.SaveChangesAsync();
        });

        var commenter = CommentKit.NewEmail();
        int? parent = null;
        for (var depth = 1; depth <= 5; depth++)
        {
            await app.AddCommentAsync(journal, published, $"Level {depth}", depth == 1 ? commenter : CommentKit.NewEmail(), $"Reply at depth {depth} <b>not bold</b> & more\nsecond line", parent);
            parent = await app.DbAsync(db => db.Comments.Where(c => c.PostId == published.Id).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        }
        await app.AddCommentAsync(journal, published, "Spammer", CommentKit.NewEmail(), "cheap pills");
        await app.AddCommentAsync(journal, published, "Waiting", CommentKit.NewEmail(), "held for a moderator");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            await db.Comments.Where(c => c.PostId == published.Id && c.AuthorName == "Spammer").ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Spam));
            await db.Comments.Where(c => c.PostId == published.Id && c.AuthorName == "Waiting").ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Pending));
            await db.Posts.Where(p => p.Id == published.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, 5));
        });

        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.JournalReaders);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            db.TreatmentPhases.Add(new PhaseRecord { CourseId = course.Id, Phase = Phase.Mobilisation, Planned = TreatmentData.DayZero.AddDays(-30), Started = TreatmentData.DayZero.AddDays(-29), Note = "G-CSF" });
            db.TreatmentEvents.Add(new TreatmentEvent { CourseId = course.Id, Date = TreatmentData.DayZero.AddDays(4), Type = TreatmentEventType.Fever, Value = 38.4m, Note = "Neutropenic fever", CreatedAt = DateTime.UtcNow });
            db.TreatmentEvents.Add(new TreatmentEvent { CourseId = course.Id, Date = TreatmentData.DayZero.AddDays(6), Type = TreatmentEventType.Transfusion, Product = TransfusionProduct.Platelets, CreatedAt = DateTime.UtcNow });
            db.FollowUpItems.Add(new FollowUpItem { CourseId = course.Id, Title = "MRI at 6 months", Due = TreatmentData.DayZero.AddMonths(6), Uid = Guid.NewGuid().ToString("N") });
            db.DrugLines.Add(new DrugLine { CourseId = course.Id, Purpose = DrugPurpose.Conditioning, GenericName = "cyclophosphamide", Dose = 50m, Unit = "mg/kg", Basis = DoseBasis.PerKg, WeightKg = 70.5m });
            db.PriorTherapies.Add(new PriorTherapy { CourseId = course.Id, GenericName = "ocrelizumab", Brand = "Ocrevus", Stopped = TreatmentData.DayZero.AddMonths(-7), ReasonStopped = "Relapse" });
            await db.TreatmentCourses.Where(c => c.Id == course.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.InfusedCd34PerKg, 5.65m));
            await db.SaveChangesAsync();
        });
        return new Built(owner, journal, published, commenter);
    }

    public static async Task<byte[]> DownloadAsync(AppFactory app, AppUser owner, Journal journal)
    {
        var client = await app.SignedInClientAsync(owner);
        var response = await client.GetAsync($"/j/{journal.Slug}/export/backup");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// Restores through the real form, as a person would: when the form queues the restore, follows the job page
    /// (as the reader would by looking again) to its report. Returns the last page's HTML and status.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Html)> RestoreThroughFormAsync(AppFactory app, AppUser user, byte[] zip, string fileName = "backup.zip", string? title = null, string? slug = null)
    {
        var client = await app.SignedInClientAsync(user);
        var page = await Forms.GetAsync(client, "/journals/restore");
        var form = new MultipartFormDataContent { { new StringContent(page.Token!), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "Upload", fileName);
        if (title is not null) form.Add(new StringContent(title), "Input.Title");
        if (slug is not null) form.Add(new StringContent(slug), "Input.Slug");
        var response = await client.PostAsync("/journals/restore", form);
        if (response.StatusCode != HttpStatusCode.Redirect) return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var jobPage = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/journals/restore/", jobPage);
        return await FollowJobAsync(client, jobPage);
    }

    /// <summary>Reads a job page until it no longer shows the job running (the job has its report).</summary>
    public static async Task<(HttpStatusCode Status, string Html)> FollowJobAsync(HttpClient client, string jobPage)
    {
        for (var polls = 0; ; polls++)
        {
            var response = await client.GetAsync(jobPage);
            var html = await response.Content.ReadAsStringAsync();
            if (!html.Contains("data-job-running") || polls >= 600) return (response.StatusCode, WebUtility.HtmlDecode(html));
            await Task.Delay(250);
        }
    }

    public static string Text(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"{name} is not in the zip");
        using var reader = new StreamReader(entry!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The journal by value: no ids, dates to the millisecond (PostgreSQL keeps microseconds), photo references by file name.</summary>
    public static Task<string> ShapeAsync(AppFactory app, string slug) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        var journal = await db.Journals.AsNoTracking().SingleAsync(j => j.Slug == slug);
        var photos = await db.Photos.AsNoTracking().Where(p => p.JournalId == journal.Id).OrderBy(p => p.FileName).ToListAsync();
        string Refs(string text) => PhotoRef().Replace(text, m => "photo:" + photos.SingleOrDefault(p => p.Id == int.Parse(m.Groups[1].Value))?.FileName);
        var lines = new List<string>
        {
            $"journal|{journal.Title}|{journal.Tagline}|{journal.Visibility}|{journal.ShowDayNumbers}|{journal.Comments.Hold}|{journal.Comments.ThreadDepth}|{journal.Comments.WhoMayComment}",
        };
        lines.AddRange(photos.Select(p => $"photo|{p.FileName}|{p.OriginalHash}|{p.Width}x{p.Height}|{p.AltText}|{p.Caption}|{p.IsDecorative}|{Ms(p.UploadedAt)}"));
        var members = await db.JournalMembers.AsNoTracking().Where(m => m.JournalId == journal.Id).Select(m => new { m.User.DisplayName, m.Role }).ToListAsync();
        lines.AddRange(members.Select(m => $"member|{m.DisplayName}|{m.Role}").Order());
        var posts = await db.Posts.AsNoTracking().Include(p => p.Category).Include(p => p.Tags).Include(p => p.Author).Where(p => p.JournalId == journal.Id).OrderBy(p => p.Slug).ToListAsync();
        foreach (var p in posts)
        {
            lines.Add($"post|{p.Title}|{p.Slug}|{p.Status}|{Ms(p.PublishedAt)}|{Ms(p.CreatedAt)}|{Ms(p.UpdatedAt)}|{p.Byline ?? p.Author.DisplayName}|{p.Category?.Name}|"
                      + $"{string.Join(",", p.Tags.Select(t => t.Name).Order())}|{Refs(p.Markdown)}|{p.Excerpt}|{p.ExcerptIsCustom}|{p.CommentsOpen}|{p.CommentCount}|{p.PlainText}");
            var revisions = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == p.Id).OrderBy(r => r.SavedAt).ToListAsync();
            lines.AddRange(revisions.Select(r => $"  revision|{r.Title}|{Refs(r.Markdown)}|{Ms(r.SavedAt)}"));
            var comments = await db.Comments.AsNoTracking().Where(c => c.PostId == p.Id).ToListAsync();
            lines.Add("  comments|" + Tree(comments, null));
            var usages = await db.PhotoUsages.AsNoTracking().Where(u => u.PostId == p.Id).Select(u => u.Photo.FileName).ToListAsync();
            lines.Add("  shows|" + string.Join(",", usages.Order()));
        }
        var courses = await db.TreatmentCourses.AsNoTracking().Where(c => c.JournalId == journal.Id)
            .Include(c => c.Labs).Include(c => c.Events).Include(c => c.Phases).Include(c => c.FollowUps).Include(c => c.Drugs).Include(c => c.PriorTherapies).ToListAsync();
        foreach (var c in courses)
        {
            lines.Add($"course|{c.Condition}|{c.Centre}|{c.DayZero}|{c.Sharing}|{c.ProtocolFirstDay}|{c.InfusedCd34PerKg:0.####}");
            lines.AddRange(c.Labs.Select(l => $"  lab|{l.Date}|{l.Analyte}|{l.OriginalValue:0.####}|{l.OriginalUnit}|{l.Value:0.####}|{l.Loinc}|{l.NaturalKey}").Order());
            lines.AddRange(c.Events.Select(e => $"  event|{e.Date}|{e.Type}|{e.Value:0.##}|{e.Product}|{e.Note}").Order());
            lines.AddRange(c.Phases.Select(p => $"  phase|{p.Phase}|{p.Planned}|{p.Started}|{p.Note}").Order());
            lines.AddRange(c.FollowUps.Select(f => $"  followup|{f.Title}|{f.Due}|{f.Uid}").Order());
            lines.AddRange(c.Drugs.Select(d => $"  drug|{d.GenericName}|{d.Dose:0.##}|{d.Unit}|{d.Basis}|{d.WeightKg:0.##}").Order());
            lines.AddRange(c.PriorTherapies.Select(t => $"  prior|{t.GenericName}|{t.Brand}|{t.Stopped}|{t.ReasonStopped}").Order());
        }
        return string.Join("\n", lines);
    });

    private static string Tree(List<Comment> all, int? parent) => string.Join("", all.Where(c => c.ParentId == parent).OrderBy(c => c.CreatedAt).ThenBy(c => c.Text)
        .Select(c => $"[{c.AuthorName}|{c.AuthorEmail}|{c.AuthorWebsite}|{c.Status}|{Ms(c.CreatedAt)}|{c.Depth}|{c.Text}{Tree(all, c.Id)}]"));

    private static string Ms(DateTime? value) => value is { } v ? v.AddTicks(-(v.Ticks % TimeSpan.TicksPerMillisecond)).ToString("O") : "";

    [GeneratedRegex("photo:([0-9]+)")]
    private static partial Regex PhotoRef();
}
