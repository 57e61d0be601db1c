namespace HsctJournals.Web.Treatment;

/// <summary>What kind of milestone, for styling and the API.</summary>
public enum MilestoneKind { DayZero, EngraftmentComputed, EngraftmentDeclared, Discharge, Anniversary }

/// <summary>
/// One milestone of a course. <see cref="Date"/> is null for a computed engraftment that has not
/// happened (yet), never fell below the threshold or cannot be computed; <see cref="Detail"/> then
/// says why. <see cref="Status"/> is the computed outcome's machine-readable name (engrafted,
/// notYet, neverBelow, cannotCompute; domain/hsct.md §5), null for other milestones.
/// </summary>
public sealed record Milestone(MilestoneKind Kind, string Title, DateOnly? Date, string? Detail = null, string? Status = null);
