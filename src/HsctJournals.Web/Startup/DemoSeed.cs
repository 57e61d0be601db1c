using System.Security.Cryptography;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;
using HsctJournals.Web.Startup.Demo;
using HsctJournals.Web.Treatment;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Startup;

/// <summary>
/// First-run content: a public journal of an invented patient whose Day 0 was about six months
/// ago, and a private notebook only its owner can read. Runs only when there are no journals.
/// </summary>
public static class DemoSeed
{
    public const string PatientEmail = "isla@demo.hsct.invalid";
    public const string PrivateOwnerEmail = "tom@demo.hsct.invalid";
    private const string Zone = "Europe/London";

    public static async Task SeedIfEmptyAsync(IServiceProvider services, ILogger log)
    {
        var db = services.GetRequiredService<JournalsDbContext>();
        if (await db.Journals.AnyAsync()) return;

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var journals = services.GetRequiredService<JournalEditor>();
        var posts = services.GetRequiredService<PostEditor>();
        var clock = services.GetRequiredService<TimeProvider>();
        var zone = TimeZones.Find(Zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        // The last demo post is ten days old, whatever day the app is first started.
        var dayZero = today.AddDays(-(DemoStories.Posts.Max(p => p.Day) + 10));

        var password = "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        var patient = await CreateUserAsync(users, PatientEmail, DemoStories.PatientName, password);
        var partner = await CreateUserAsync(users, PrivateOwnerEmail, DemoStories.PrivateOwnerName, password);

        var publicJournal = (await journals.CreateAsync(patient.Id, new JournalInput
        {
            Title = DemoStories.JournalTitle, Tagline = DemoStories.JournalTagline,
            Slug = "counting-from-zero", Visibility = JournalVisibility.Public,
        })).Value!;
        var course = new TreatmentCourse
        {
            JournalId = publicJournal.Id, Condition = "RRMS", Centre = "(demo) Northern Transplant Unit", Country = "United Kingdom",
            Protocol = "Cy/ATG", DayZero = dayZero, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.TreatmentCourses.Add(course);
        await db.SaveChangesAsync();
        // Shared with the journal's readers so the first run shows the timeline and charts.
        DemoTreatment.AddTo(db, course, dayZero, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        var pictures = await UploadPicturesAsync(services.GetRequiredService<PhotoUpload>(), publicJournal, patient.Id);
        await WritePostsAsync(posts, publicJournal, patient.Id, DemoStories.Posts.Select(p => WithPictures(p, pictures)), dayZero, zone);
        await SeedCommentsAsync(db, publicJournal, clock.GetUtcNow().UtcDateTime);

        var privateJournal = (await journals.CreateAsync(partner.Id, new JournalInput
        {
            Title = DemoStories.PrivateJournalTitle, Slug = "private-notebook", Visibility = JournalVisibility.Private,
        })).Value!;
        await WritePostsAsync(posts, privateJournal, partner.Id, DemoStories.PrivatePosts, dayZero, zone);

        log.LogInformation("Demo content created: /j/{Public} (public) and /j/{Private} (private)", publicJournal.Slug, privateJournal.Slug);
        if (services.GetRequiredService<IHostEnvironment>().IsDevelopment())
            Console.WriteLine($"Demo accounts: {PatientEmail} and {PrivateOwnerEmail}, password {password} (shown once)");
    }

    /// <summary>
    /// The readers' conversations under the demo posts, inserted directly with each post's approved count
    /// set in the same transaction. No outbox rows: these are past conversations, and a fresh installation
    /// must not start by e-mailing invented addresses.
    /// </summary>
    private static async Task SeedCommentsAsync(JournalsDbContext db, Journal journal, DateTime nowUtc)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var depthLimit = Math.Max(1, journal.Comments.ThreadDepth);
        for (var i = 0; i < DemoStories.Posts.Length && i < DemoStories.Comments.Length; i++)
        {
            var story = DemoStories.Posts[i];
            var post = await db.Posts.FirstAsync(p => p.JournalId == journal.Id && p.Title == story.Title);
            var saved = new List<Comments.Comment>();
            foreach (var demo in DemoStories.Comments[i])
            {
                var parent = demo.ReplyTo >= 0 && demo.ReplyTo < saved.Count ? saved[demo.ReplyTo] : null;
                var created = post.PublishedAt!.Value.AddMinutes(demo.MinutesAfterPost);
                var comment = new Comments.Comment
                {
                    PostId = post.Id, ParentId = parent?.Id, Depth = parent is null ? 1 : Math.Min(parent.Depth + 1, depthLimit),
                    AuthorName = demo.Author, AuthorEmail = demo.Email.Trim().ToLowerInvariant(), AuthorWebsite = demo.Website,
                    Text = HsctJournals.Domain.Comments.CommentText.Normalise(demo.Text),
                    Status = Enum.Parse<Comments.CommentStatus>(demo.Status),
                    ModerationNote = demo.Status == "Approved" ? null : "Demo comment.",
                    CreatedAt = created > nowUtc ? nowUtc : created,
                };
                db.Comments.Add(comment);
                await db.SaveChangesAsync(); // the id is the next reply's parent
                saved.Add(comment);
            }
            post.CommentCount = saved.Count(c => c.Status == Comments.CommentStatus.Approved);
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Uploads the drawn demo pictures through the real pipeline (variants, no metadata); returns each with its reference.</summary>
    private static async Task<List<(DemoPicture Picture, string Reference)>> UploadPicturesAsync(PhotoUpload upload, Journal journal, string ownerId)
    {
        var placed = new List<(DemoPicture, string)>();
        foreach (var picture in DemoPictures.All)
        {
            var bytes = picture.Draw();
            var result = await upload.UploadAsync(new PhotoUploadRequest(
                journal, ownerId, new MemoryStream(bytes), picture.FileName, "image/jpeg", picture.AltText, Caption: picture.Caption, DeclaredLength: bytes.Length));
            if (!result.Succeeded) throw new InvalidOperationException($"Demo picture {picture.FileName}: {result.Message}");
            placed.Add((picture, Domain.Photos.PhotoReference.Markdown(result.Photo!.Id, picture.AltText)));
        }
        return placed;
    }

    private static DemoPost WithPictures(DemoPost story, List<(DemoPicture Picture, string Reference)> pictures)
    {
        var mine = pictures.Where(p => p.Picture.PostTitle == story.Title).ToList();
        return mine.Count == 0 ? story : story with { Markdown = DemoPictures.Place(story.Markdown, mine) };
    }

    private static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string email, string name, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, TimeZoneId = Zone, CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException("Demo user: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    private static async Task WritePostsAsync(PostEditor editor, Journal journal, string authorId, IEnumerable<DemoPost> stories, DateOnly dayZero, TimeZoneInfo zone)
    {
        foreach (var story in stories.OrderBy(s => s.Day))
        {
            var result = await editor.CreateAsync(journal, authorId, new PostInput
            {
                Title = story.Title, Markdown = story.Markdown, NewCategory = story.Category,
                Tags = string.Join(", ", story.Tags), Status = PostStatus.Published,
                PublishAt = dayZero.AddDays(story.Day).ToDateTime(new TimeOnly(19, 30)),
            }, zone);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo post “{story.Title}”: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
    }
}
