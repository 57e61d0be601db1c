using System.IO.Compression;
using System.Text;
using System.Text.Json;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Portability.Backup;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability.PersonalData;

/// <summary>
/// "Download your data": everything the site holds about the signed-in person, as a zip of JSON
/// files — account, journals they belong to (with links to the backups of those they own), their
/// posts, every comment they wrote anywhere (signed in or with their address), follows, tokens'
/// names and dates, sessions, access requests and the treatment data they own. Nothing about other
/// people: no other commenter's or member's address.
/// </summary>
public sealed class PersonalDataExport(JournalsDbContext db, UserManager<AppUser> users, Passkeys passkeys, IOptions<SiteOptions> site,
    SiteSettingsStore settings, TimeProvider clock)
{
    public static string FileName(DateTime now) => $"hsct-journals-personal-data.{now:yyyy-MM-dd}.zip";

    public async Task<byte[]> CreateAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No such account.");
        var email = user.Email?.ToLowerInvariant() ?? "\u0000";
        var baseUrl = site.Value.BaseUrl.TrimEnd('/');
        var files = new Dictionary<string, object>
        {
            ["account.json"] = new PersonalAccount(user.Id, user.Email, user.EmailConfirmed, user.DisplayName, user.PhoneNumber, user.TimeZoneId, user.CreatedAt,
                user.TwoFactorEnabled, (await users.GetLoginsAsync(user)).Select(l => l.ProviderDisplayName ?? l.LoginProvider).ToList(), (await users.GetRolesAsync(user)).ToList()),
            ["journals.json"] = (await db.JournalMembers.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt)
                    .Select(m => new { m.Journal.Slug, m.Journal.Title, m.Role, m.CreatedAt }).ToListAsync(ct))
                .Select(m => new PersonalMembership(m.Slug, m.Title, m.Role, m.CreatedAt, $"{baseUrl}/j/{m.Slug}",
                    m.Role == JournalRole.Owner ? $"{baseUrl}/j/{m.Slug}/export/backup" : null)).ToList(),
            ["posts.json"] = (await db.Posts.AsNoTracking().Where(p => p.AuthorId == userId).OrderBy(p => p.CreatedAt)
                    .Select(p => new { Journal = p.Journal.Slug, p.Title, p.Slug, p.Status, p.PublishedAt, p.CreatedAt, p.UpdatedAt, p.Byline, p.Markdown }).ToListAsync(ct))
                .Select(p => new PersonalPost(p.Journal, p.Title, p.Slug, p.Status, p.PublishedAt, p.CreatedAt, p.UpdatedAt, p.Byline, p.Markdown, $"{baseUrl}/j/{p.Journal}/{p.Slug}")).ToList(),
            ["comments.json"] = (await db.Comments.AsNoTracking().Where(c => c.UserId == userId || c.AuthorEmail.ToLower() == email).OrderBy(c => c.CreatedAt)
                    .Select(c => new { c.Id, Journal = c.Post.Journal.Slug, Post = c.Post.Slug, c.ParentId, c.AuthorName, c.AuthorEmail, c.AuthorWebsite, c.UserId, c.Text, c.Status, c.CreatedAt, c.UpdatedAt })
                    .ToListAsync(ct))
                .Select(c => new PersonalComment(c.Id, c.Journal, c.Post, c.ParentId, c.AuthorName, c.AuthorEmail, c.AuthorWebsite, c.UserId == userId, c.Text, c.Status,
                    c.CreatedAt, c.UpdatedAt, $"{baseUrl}/j/{c.Journal}/{c.Post}#comment-{c.Id}")).ToList(),
            ["follows.json"] = await db.Followers.AsNoTracking().Where(f => f.UserId == userId || f.Email == email).OrderBy(f => f.CreatedAt)
                .Select(f => new PersonalFollow(f.Journal.Slug, f.Email, f.Frequency, f.CreatedAt, f.ConfirmedAt)).ToListAsync(ct),
            ["tokens.json"] = (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt)
                    .Select(t => new PersonalToken("api", t.Name, null, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct))
                .Concat(await db.FeedTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt)
                    .Select(t => new PersonalToken("feed", "Private feed", t.Journal.Slug, t.CreatedAt, null, t.RevokedAt)).ToListAsync(ct)).ToList(),
            ["sessions.json"] = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
                .Select(s => new PersonalSession(s.Device, s.CreatedAt, s.LastSeenAt, s.PasskeyId != null)).ToListAsync(ct),
            ["passkeys.json"] = (await passkeys.ListAsync(user)).Select(p => new PersonalPasskey(p.Name, p.CreatedAt, p.LastUsedAt, p.IsBackedUp)).ToList(),
            ["access-requests.json"] = await db.AccessRequests.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.CreatedAt)
                .Select(r => new PersonalAccessRequest(r.Journal.Slug, r.Message, r.Status, r.CreatedAt, r.DecidedAt)).ToListAsync(ct),
            ["treatment.json"] = await OwnedCoursesAsync(userId, ct),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.txt", ReadMe((await settings.ForDisplayAsync(ct)).Name, user, clock.GetUtcNow().UtcDateTime));
            foreach (var (name, content) in files) Add(zip, name, JsonSerializer.Serialize(content, JournalBackup.Json));
        }
        return buffer.ToArray();
    }

    private async Task<List<PersonalTreatment>> OwnedCoursesAsync(string userId, CancellationToken ct)
    {
        var owned = await db.JournalMembers.AsNoTracking().Where(m => m.UserId == userId && m.Role == JournalRole.Owner)
            .Select(m => new { m.JournalId, m.Journal.Slug }).ToDictionaryAsync(m => m.JournalId, m => m.Slug, ct);
        var ids = owned.Keys.ToList();
        var courses = await BackupCourse.WithLists(db.TreatmentCourses.AsNoTracking().Where(c => ids.Contains(c.JournalId)).OrderBy(c => c.Id)).ToListAsync(ct);
        return courses.Select(c => new PersonalTreatment(owned[c.JournalId], BackupCourse.From(c))).ToList();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(new UTF8Encoding(false).GetBytes(text));
    }

    private static string ReadMe(string siteName, AppUser user, DateTime now) => $"""
        Everything {siteName} holds about {user.DisplayName} ({user.Email}), made on {now:yyyy-MM-dd HH:mm} UTC.

        account.json          your account: name, e-mail, time zone, sign-in settings
        journals.json         journals you belong to and your role; for those you own, the address of
                              "Download everything", the full backup with its posts, comments and photos
        posts.json            posts you wrote
        comments.json         comments you wrote anywhere on the site, signed in or with your address
        follows.json          journals you follow by e-mail
        tokens.json           your API tokens and private feed links: names and dates only
        sessions.json         browsers signed in to your account, and whether each signed in with a passkey
        passkeys.json         your passkeys: names, when added and when last used (never the keys)
        access-requests.json  your requests to read journals
        treatment.json        the treatment courses of journals you own

        """;
}
