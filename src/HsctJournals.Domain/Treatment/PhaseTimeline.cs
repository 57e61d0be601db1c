namespace HsctJournals.Domain.Treatment;

/// <summary>
/// One stretch of a course in one phase: from the day it started until the day the next recorded
/// phase started (exclusive), or open when it is the latest. A repeated phase (another apheresis,
/// a second discharge) is a stretch of its own.
/// </summary>
/// <param name="Index">Position in the course, from 0.</param>
/// <param name="Phase">The phase.</param>
/// <param name="From">The first day in this phase.</param>
/// <param name="Until">The day the next phase started (not part of this one); null for the latest.</param>
public sealed record PhaseSpan(int Index, Phase Phase, DateOnly From, DateOnly? Until)
{
    /// <summary>True when <paramref name="date"/> falls in this stretch.</summary>
    public bool Contains(DateOnly date) => date >= From && (Until is not { } until || date < until);
}

/// <summary>
/// Turns recorded phase starts (domain/hsct.md §1) into consecutive stretches, so a date can be
/// placed in the phase the course was in that day. Phases are taken as recorded — the state
/// machine already checked their order — and sorted by date, keeping the entry order for ties.
/// </summary>
public static class PhaseTimeline
{
    /// <summary>The stretches of recorded phases, oldest first.</summary>
    public static IReadOnlyList<PhaseSpan> Spans(IEnumerable<PhaseEntry> entries)
    {
        var ordered = entries.Select((e, i) => (e, i)).OrderBy(x => x.e.Started).ThenBy(x => x.i).Select(x => x.e).ToList();
        var spans = new List<PhaseSpan>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            DateOnly? until = i + 1 < ordered.Count ? ordered[i + 1].Started : null;
            // A phase followed on the same day by another has no day of its own; it is not a stretch.
            if (until == ordered[i].Started) continue;
            spans.Add(new PhaseSpan(spans.Count, ordered[i].Phase, ordered[i].Started, until));
        }
        return spans;
    }

    /// <summary>The stretch <paramref name="date"/> falls in, or null before the first recorded phase.</summary>
    public static PhaseSpan? At(IReadOnlyList<PhaseSpan> spans, DateOnly date) => spans.LastOrDefault(s => s.Contains(date));
}
