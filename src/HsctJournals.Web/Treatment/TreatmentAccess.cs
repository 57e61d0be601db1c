using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The one place that decides who may see treatment data (domain/hsct.md §11, design invariant 1).
/// It starts from <see cref="JournalAccess"/>: nobody sees the treatment data of a journal they
/// cannot read. On top of that the course's <see cref="TreatmentSharing"/> applies — owner only by
/// default, even in a public journal. A reader without rights gets null, exactly as if there were
/// no course (callers answer 404), so they cannot tell that treatment data exists.
/// This is the "read treatment" capability; the others are <see cref="JournalRoles"/>.
/// </summary>
public sealed class TreatmentAccess(JournalsDbContext db, JournalContext context, TimeProvider clock)
{
    // The view of the request's journal, decided once per request (header, page and embeds all ask).
    private (int JournalId, JournalRole? Role, TreatmentView? View)? _decided;
    // The current course of the request's journal, read once per request whoever asks (the view above, the
    // days link, day labels): a post page read it two or three times before.
    private (int JournalId, TreatmentCourse? Course)? _current;

    /// <summary>The sharing rule itself: may someone with <paramref name="role"/> in a journal they can read see its treatment data?</summary>
    public static bool MaySee(TreatmentSharing sharing, JournalRole? role) =>
        role == JournalRole.Owner || sharing switch
        {
            TreatmentSharing.JournalReaders => true,
            TreatmentSharing.ApprovedReadersOnly => role is not null,
            _ => false,
        };

    /// <summary>The journal's courses, the current one (<see cref="CurrentCourse"/>) first; tracked or not.</summary>
    public IQueryable<TreatmentCourse> CoursesOf(int journalId) => db.TreatmentCourses.OfJournal(journalId);

    /// <summary>The course of a journal if the reader may see it; null otherwise (answer 404).</summary>
    public async Task<TreatmentView?> FindViewableAsync(string slug, Reader reader, CancellationToken ct = default) =>
        await context.ResolveAsync(slug, reader, ct) ? await ViewableAsync(context, ct) : null;

    /// <summary>The same rule for the journal already resolved into the request's <see cref="JournalContext"/>.</summary>
    public Task<TreatmentView?> ViewableAsync(JournalContext journal, CancellationToken ct = default) =>
        ViewableAsync(journal.Journal, journal.Role, ct);

    /// <summary>The same rule for a journal the caller resolved through <see cref="JournalAccess"/>, with the reader's role in it.</summary>
    public async Task<TreatmentView?> ViewableAsync(Journal journal, JournalRole? role, CancellationToken ct = default)
    {
        if (_decided is { } decided && decided.JournalId == journal.Id && decided.Role == role) return decided.View;
        var course = await CurrentCourseAsync(journal.Id, ct);
        var view = course is not null && MaySee(course.Sharing, role) ? new TreatmentView(journal, course, role == JournalRole.Owner) : null;
        _decided = (journal.Id, role, view);
        return view;
    }

    /// <summary>
    /// The journal's current course (<see cref="CurrentCourse"/>), not tracked and read once per request: for
    /// deciding what to show, never for changing it (owners edit through <see cref="OwnedCourseAsync"/>).
    /// Callers apply the sharing rule themselves (<see cref="ViewableAsync(Journal, JournalRole?, CancellationToken)"/>).
    /// </summary>
    public async Task<TreatmentCourse?> CurrentCourseAsync(int journalId, CancellationToken ct = default)
    {
        if (_current is { } current && current.JournalId == journalId) return current.Course;
        var course = await CurrentCourse.Untracked.For(db)(db, journalId, ct);
        _current = (journalId, course);
        return course;
    }

    /// <summary>Whether to link to the treatment pages: the owner always (to start a course), others when they have a view.</summary>
    public static bool ShowsLink(JournalRole? role, TreatmentView? view) => role == JournalRole.Owner || view is not null;

    /// <summary>
    /// A journal (resolved into the request's <see cref="JournalContext"/>) and its current course for its owner (tracked, created unsaved on first use when
    /// <paramref name="create"/> is true); null when the reader is not the owner.
    /// </summary>
    public async Task<(Journal Journal, TreatmentCourse? Course)?> FindOwnedAsync(string slug, Reader reader, bool create, CancellationToken ct = default) =>
        await context.ResolveAsync(slug, reader, ct) ? await OwnedCourseAsync(context, create, ct) : null;

    /// <summary>The same for the journal already resolved into a <see cref="JournalContext"/>.</summary>
    public async Task<(Journal Journal, TreatmentCourse? Course)?> OwnedCourseAsync(JournalContext owned, bool create, CancellationToken ct = default)
    {
        if (!owned.IsOwner) return null;
        var journal = owned.Journal;
        var course = await CoursesOf(journal.Id).FirstOrDefaultAsync(ct);
        if (course is null && create)
        {
            course = new TreatmentCourse { JournalId = journal.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.TreatmentCourses.Add(course);
        }
        return (journal, course);
    }

    /// <summary>
    /// The course behind a clinician link that has not been revoked, recording the access so the
    /// owner sees every use; null for an unknown or revoked link.
    /// </summary>
    public async Task<TreatmentView?> FindByClinicianTokenAsync(string token, bool logAccess = true, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = SecretTokens.Hash(token);
        var link = await db.ClinicianLinks.Include(l => l.Course).ThenInclude(c => c.Journal)
            .FirstOrDefaultAsync(l => l.TokenHash == hash && l.RevokedAt == null, ct);
        if (link is null) return null;
        if (logAccess)
        {
            db.ClinicianLinkAccesses.Add(new ClinicianLinkAccess { LinkId = link.Id, At = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        return new TreatmentView(link.Course.Journal, link.Course, false);
    }

    /// <summary>The course whose follow-up calendar has this secret, or null.</summary>
    public async Task<TreatmentView?> FindByCalendarTokenAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = SecretTokens.Hash(token);
        var course = await db.TreatmentCourses.Include(c => c.Journal).AsNoTracking()
            .FirstOrDefaultAsync(c => c.CalendarTokenHash == hash, ct);
        return course is null ? null : new TreatmentView(course.Journal, course, false);
    }
}

/// <summary>A course someone may see, with its journal and whether the viewer owns it.</summary>
public sealed record TreatmentView(Journal Journal, TreatmentCourse Course, bool IsOwner);
