namespace HsctJournals.Web.Treatment;

/// <summary>What _CourseSummary.cshtml shows: a snapshot and where its chart images live (they follow the same rule as the page).</summary>
public sealed record CourseSummary(CourseSnapshot Snapshot, string ChartBase, bool Compact = false);
