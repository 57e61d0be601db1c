namespace HsctJournals.Web.Treatment;

/// <summary>A follow-up visit or vaccination as the clinic set it (domain/hsct.md §8: never imposed).</summary>
public class FollowUpItem
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public required string Title { get; set; }
    public DateOnly Due { get; set; }
    public string? Note { get; set; }
    public bool Done { get; set; }
    /// <summary>Stable UID for iCalendar, so calendar apps update rather than duplicate.</summary>
    public required string Uid { get; set; }
}
