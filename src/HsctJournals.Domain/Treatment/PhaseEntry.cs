namespace HsctJournals.Domain.Treatment;

/// <summary>A phase of a course and the calendar date it started.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Started">The calendar date it started, in the owner's time zone.</param>
public sealed record PhaseEntry(Phase Phase, DateOnly Started);
