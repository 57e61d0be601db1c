using HsctJournals.Web.Accounts;
using HsctJournals.Web.Api;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Startup;
using HsctJournals.Web.Treatment;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using static HsctJournals.Web.Tests.Infrastructure.BrowserChecks;

namespace HsctJournals.Web.Tests.Browser;

/// <summary>
/// Every kind of page, filled with the demo content plus members, requests, invitations, revisions and
/// tokens, checked in real Chromium as the demo journal's owner: axe-core finds nothing serious, the
/// main pages reflow at 320 CSS pixels (WCAG 1.4.10, the width of 1280 px at 400 % zoom), and the
/// stylesheet switches motion off for readers who ask for less.
/// </summary>
public sealed class PageSweepTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Demo = "/j/counting-from-zero";

    [Fact]
    public async Task Every_page_type_has_no_serious_or_critical_violations_for_the_owner()
    {
        var site = await DemoSiteAsync();
        var page = await SignInAsync(site.Owner);
        var failures = new List<string>();
        foreach (var path in site.OwnerPaths)
        {
            var response = await page.GotoAsync(path);
            if (response is null || response.Status >= 400 && !path.Contains("no-such", StringComparison.Ordinal))
            {
                failures.Add($"{path}: HTTP {response?.Status}");
                continue;
            }
            try { await AssertNoSeriousViolationsAsync(page, path); }
            catch (Xunit.Sdk.XunitException e) { failures.Add(e.Message); }
        }

        // Pages for someone else: a reader asking for access, an invited person, a clinician with a link.
        var stranger = await SignInAsync(site.Stranger);
        foreach (var path in new[] { $"/j/{site.PrivateSlug}/request-access", site.InvitationPath, site.ClinicianPath, "/me", "/journals/new",
                     "/Identity/Account/ForgotPassword", "/Identity/Account/AccessDenied", "/Identity/Account/Lockout", "/Identity/Account/ResendEmailConfirmation",
                     "/Identity/Account/RegisterConfirmation", "/Identity/Account/ConfirmEmail?userId=someone&code=abc",
                     "/Identity/Account/ConfirmEmailChange?userId=someone&email=new%40tests.invalid&code=abc",
                     "/Identity/Account/ResetPassword?code=abcd&userId=someone", "/Identity/Account/ResetPassword?code=&userId=" })
        {
            await stranger.GotoAsync(path);
            try { await AssertNoSeriousViolationsAsync(stranger, "as a stranger: " + path); }
            catch (Xunit.Sdk.XunitException e) { failures.Add(e.Message); }
        }
        // The site admin's screens (issue 8, build 3), as the admin every test app creates.
        var admin = await SignInAsync(new AppUser { Email = AppFactory.AdminEmail, DisplayName = "Site admin" });
        foreach (var path in Admin.SiteAdministrationTests.AdminPaths.Append("/register/closed").Append($"/admin/people/delete?id={site.Owner.Id}"))
        {
            var response = await admin.GotoAsync(path);
            if (response?.Status != 200) failures.Add($"as the admin: {path}: HTTP {response?.Status}");
            else
            {
                try { await AssertNoSeriousViolationsAsync(admin, "as the admin: " + path); }
                catch (Xunit.Sdk.XunitException e) { failures.Add(e.Message); }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_main_pages_reflow_at_320_css_pixels_without_sideways_scrolling()
    {
        var site = await DemoSiteAsync();
        var narrow = await SignInAsync(site.Owner, o => o.ViewportSize = new ViewportSize { Width = 320, Height = 640 });
        var failures = new List<string>();
        foreach (var path in new[] { "/", Demo, site.PostPath, $"{Demo}/write", $"{site.PostPath}/edit", $"{Demo}/comments",
                     $"{Demo}/treatment", $"{Demo}/treatment/labs", $"{Demo}/treatment/events", $"{Demo}/treatment/summary",
                     $"{site.PostPath}/revisions/{site.RevisionId}", $"{Demo}/members", $"{Demo}/settings/comments", "/account/tokens", "/account/email", "/account/password" })
        {
            await narrow.GotoAsync(path);
            try { await AssertNoHorizontalScrollAsync(narrow, path); }
            catch (Xunit.Sdk.XunitException e) { failures.Add(e.Message); }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task With_reduced_motion_nothing_animates_transitions_or_scrolls_smoothly()
    {
        var site = await DemoSiteAsync();
        var page = await SignInAsync(site.Owner, o => o.ReducedMotion = ReducedMotion.Reduce);
        foreach (var path in new[] { "/", Demo, site.PostPath, $"{Demo}/write", $"{Demo}/treatment" })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<bool>("() => matchMedia('(prefers-reduced-motion: reduce)').matches"));
            var moving = await page.EvaluateAsync<string[]>("""
                () => [document.documentElement, ...document.querySelectorAll('body, body *')].flatMap(e => {
                    const s = getComputedStyle(e), seconds = v => Math.max(...v.split(',').map(x => parseFloat(x) || 0));
                    const why = [];
                    if (seconds(s.transitionDuration) > 0) why.push('transition ' + s.transitionDuration);
                    if (s.animationName !== 'none' && seconds(s.animationDuration) > 0) why.push('animation ' + s.animationName);
                    if (s.scrollBehavior === 'smooth') why.push('smooth scrolling');
                    return why.length ? [e.tagName + '.' + e.className + ': ' + why.join(', ')] : [];
                })
                """);
            Assert.True(moving.Length == 0, $"{path}: {string.Join("; ", moving.Take(5))}");
        }
    }

    private Task<IPage> SignInAsync(AppUser user, Action<BrowserNewContextOptions>? configure = null) =>
        BrowserChecks.SignInAsync(() => browser.NewPageAsync(true, configure), user);

    /// <summary>What the sweep visits, built once per fixture on top of the demo seed.</summary>
    private sealed record DemoSite(AppUser Owner, AppUser Stranger, string PostPath, int RevisionId, string PrivateSlug,
        string InvitationPath, string ClinicianPath, IReadOnlyList<string> OwnerPaths);

    private static readonly SemaphoreSlim Building = new(1, 1);
    private static readonly Dictionary<BrowserFixture, DemoSite> Built = [];

    private async Task<DemoSite> DemoSiteAsync()
    {
        await Building.WaitAsync();
        try
        {
            if (!Built.TryGetValue(browser, out var site)) Built[browser] = site = await BuildAsync();
            return site;
        }
        finally { Building.Release(); }
    }

    private async Task<DemoSite> BuildAsync()
    {
        var app = browser.App;
        await app.WithScopeAsync(sp => DemoSeed.SeedIfEmptyAsync(sp, NullLogger.Instance));
        var owner = await app.WithScopeAsync(async sp =>
        {
            // The demo password is random and shown once; the test sets its own.
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(DemoSeed.PatientEmail))!;
            await users.RemovePasswordAsync(user);
            Assert.True((await users.AddPasswordAsync(user, AppFactory.Password)).Succeeded);
            return user;
        });
        var stranger = await app.CreateUserAsync("Sam Stranger");
        var coAuthor = await app.CreateUserAsync("Cora Author");
        var journal = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Journals.SingleAsync(j => j.Slug == "counting-from-zero"));
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);

        // A second, members-only journal of the same owner with a pending request and an invitation.
        var closed = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders, "Members Only Notes");
        var asker = await app.CreateUserAsync("Rhea Requester");
        var invitationSecret = SecretTokens.New("inv_");
        string[] jobPaths = [];
        ImportJob Job(ImportJobKind kind, int? journalId, ImportJobStatus status, ImportReport? report) => new()
        {
            Id = Guid.NewGuid(), Kind = kind, JournalId = journalId, RequestedById = owner.Id, FileName = kind == ImportJobKind.Restore ? "notes.backup.zip" : "export.xml",
            Status = status, CreatedAt = DateTime.UtcNow.AddMinutes(-2), StartedAt = DateTime.UtcNow.AddMinutes(-1),
            FinishedAt = report is null ? null : DateTime.UtcNow, ReportJson = report is null ? null : System.Text.Json.JsonSerializer.Serialize(report),
        };
        var (post, revisionId, commentId) = await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<AccessRequests>().RequestAsync(closed.Slug, asker.Id, "We met at the clinic.");
            var db = sp.GetRequiredService<JournalsDbContext>();
            db.JournalInvitations.Add(new JournalInvitation
            {
                JournalId = closed.Id, Email = stranger.Email!, Role = JournalRole.ApprovedReader, TokenHash = SecretTokens.Hash(invitationSecret),
                CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(14),
            });
            await db.SaveChangesAsync();

            // A second version of a post, so there is a diff to show.
            var post = await db.Posts.Include(p => p.Journal).Where(p => p.JournalId == journal.Id).OrderByDescending(p => p.CommentCount).FirstAsync();
            var edited = await sp.GetRequiredService<PostEditor>().UpdateAsync(post, post.Journal, owner.Id, new PostInput
            {
                Title = post.Title, Slug = post.Slug, Markdown = post.Markdown + "\n\nAdded later: the nurses were wonderful.",
                Status = post.Status, PublishAt = post.PublishedAt,
            }, TimeZoneInfo.Utc);
            Assert.True(edited.Succeeded, string.Join(" ", edited.Errors.SelectMany(e => e.Value)));
            var revision = await db.PostRevisions.Where(r => r.PostId == post.Id).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var comment = await db.Comments.Where(c => c.Post.JournalId == journal.Id && c.Status == CommentStatus.Pending).Select(c => c.Id).FirstAsync();

            await sp.GetRequiredService<ApiTokens>().CreateAsync(owner.Id, "Phone app");
            // Jobs in each state the status pages show: a restore running, one done with warnings, one failed; an import done.
            var restored = new ImportReport { Succeeded = true, RestoredSlug = journal.Slug, RestoredTitle = journal.Title, PostsImported = 3, CommentsImported = 12, PhotosImported = 1 };
            restored.Warn("Sam Sample (CoAuthor) has no account on this site; invite them from the Members page.");
            var imported = new ImportReport { Succeeded = true, PostsImported = 2, CommentsImported = 5, SkippedCount = 1, Skipped = [new SkippedItem("“About” (a page)", "Pages are not imported.")] };
            imported.Warn("One image points at the old site.");
            var jobs = new[]
            {
                Job(ImportJobKind.Restore, null, ImportJobStatus.Running, null),
                Job(ImportJobKind.Restore, null, ImportJobStatus.Succeeded, restored),
                Job(ImportJobKind.Restore, null, ImportJobStatus.Failed, new ImportReport { Succeeded = false, Error = "journal.json does not fit the backup format (line 3, column 12)." }),
                Job(ImportJobKind.WordPress, journal.Id, ImportJobStatus.Succeeded, imported),
            };
            db.ImportJobs.AddRange(jobs);
            await db.SaveChangesAsync();
            jobPaths = [.. jobs.Select(j => j.Kind == ImportJobKind.Restore ? $"/journals/restore/{j.Id}" : $"{Demo}/import/{j.Id}")];
            return (post, revision, comment);
        });
        var courseId = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().TreatmentCourses.Where(c => c.JournalId == journal.Id).Select(c => c.Id).SingleAsync());
        var clinicianLink = await app.WithScopeAsync(async sp =>
        {
            var course = await sp.GetRequiredService<JournalsDbContext>().TreatmentCourses.FindAsync(courseId);
            return await sp.GetRequiredService<ClinicianLinkEditor>().CreateClinicianLinkAsync(course!, "Dr Test", CancellationToken.None);
        });

        var postPath = $"{Demo}/posts/{post.Slug}";
        string[] ownerPaths =
        [
            "/", Demo, postPath, $"{Demo}/archive", $"{Demo}/feeds", $"{Demo}/follow", "/search?q=neutrophils", $"{Demo}/search?q=nurses",
            $"{Demo}/settings", $"{Demo}/settings/comments", $"{Demo}/members", $"/j/{closed.Slug}/members", $"{Demo}/manage",
            $"{Demo}/comments", $"{Demo}/comments?status=spam", $"{Demo}/comments/{commentId}",
            $"{Demo}/write", $"{postPath}/edit", $"{postPath}/revisions", $"{postPath}/revisions/{revisionId}", $"{postPath}/delete",
            "/me", "/journals/new", "/account/profile", "/account/tokens",
            $"{Demo}/treatment", $"{Demo}/treatment/edit", $"{Demo}/treatment/labs", $"{Demo}/treatment/events",
            $"{Demo}/treatment/sharing", $"{Demo}/treatment/summary",
            "/no-such-page", $"{Demo}/posts/no-such-post",
            "/Identity/Account/Manage", "/account/email", "/account/password",
            "/account/two-factor", "/account/sessions", "/account/passkeys",
            "/Identity/Account/Manage/PersonalData", "/Identity/Account/Manage/DeletePersonalData",
            // Moving in and out (issue 11): import, export, backup, restore, your data, deletion.
            $"{Demo}/portability", $"{Demo}/import", $"{Demo}/import/photos", $"{Demo}/delete", "/journals/restore", "/account/data", "/account/delete",
            "/your-comments", .. jobPaths,
        ];
        return new DemoSite(owner, stranger, postPath, revisionId, closed.Slug, $"/invitations/{invitationSecret}",
            $"/clinician/{clinicianLink}", ownerPaths);
    }
}
