namespace HsctJournals.Web.Treatment;

/// <summary>What kind of milestone, for styling and the API.</summary>
public enum MilestoneKind { DayZero, EngraftmentComputed, EngraftmentDeclared, Discharge, Anniversary }

/// <summary>
/// One milestone of a course. <see cref="Date"/> is null for a computed engraftment that has not
/// happened (yet) or does not apply; <see cref="Detail"/> then says why.
/// </summary>
public sealed record Milestone(MilestoneKind Kind, string Title, DateOnly? Date, string? Detail = null);
