namespace HsctJournals.Web.Journals;

/// <summary>A free-form label on posts, unique per journal.</summary>
public class Tag
{
    public const int NameMaxLength = 40;

    public int Id { get; set; }
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<Post> Posts { get; set; } = [];
}
