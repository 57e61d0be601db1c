namespace HsctJournals.Web.Journals;

/// <summary>A journal's own grouping of posts ("Mobilisation &amp; Harvest").</summary>
public class Category
{
    public const int NameMaxLength = 60;

    public int Id { get; set; }
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    public required string Name { get; set; }
    public required string Slug { get; set; }
}
