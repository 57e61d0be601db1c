using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Adds the treatment-day label ("Day +12") to summaries of the request's journal's posts: derived from the current
/// course's Day 0 on the owner's calendar, never stored (domain/hsct.md §2), and only where the journal shows it.
/// </summary>
/// <remarks>
/// Every list that labels posts is one journal's (its home, archives, post page, API), resolved into the request's
/// <see cref="JournalContext"/> with its settings. Day 0 comes from the read of the current course the request makes
/// anyway (<see cref="ICourseDayZeros"/>), the owner's zone only when there is a label to write: a post page pays no
/// statement for its label when the journal has no Day 0 (docs/decisions/0058-the-post-page-reads-once-what-it-shows.md).
/// </remarks>
public sealed class DayLabels(JournalContext here, ICourseDayZeros dayZeros, JournalTimeZone zones)
{
    /// <summary>The posts with their labels; all of them must be posts of the request's journal.</summary>
    public async Task<IReadOnlyList<PostSummary>> LabelAsync(IReadOnlyList<PostSummary> posts, CancellationToken ct = default)
    {
        if (posts.Count == 0) return posts;
        if (!here.IsResolved || posts.Any(p => p.JournalSlug != here.Journal.Slug))
            throw new InvalidOperationException("Day labels are written for posts of the journal the request resolved (JournalContext).");
        var journal = here.Journal;
        if (!journal.ShowDayNumbers || !posts.Any(p => p.PublishedAt is not null)) return posts;
        if (await dayZeros.CurrentDayZeroAsync(journal.Id, ct) is not { } dayZero) return posts;
        var zone = await zones.OwnerZoneAsync(journal.Id, ct);
        return posts.Select(p => p.PublishedAt is { } at
            ? p with { DayLabel = DayNumbering.Label(dayZero, LocalDates.ToLocalDate(new DateTimeOffset(at, TimeSpan.Zero), zone)) }
            : p).ToList();
    }
}
