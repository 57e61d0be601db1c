using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>A previous version of a post, kept on every save so the author can compare and restore.</summary>
public class PostRevision
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public Post Post { get; set; } = null!;
    public required string Title { get; set; }
    public required string Markdown { get; set; }
    public DateTime SavedAt { get; set; }
    public string? SavedById { get; set; }
    public AppUser? SavedBy { get; set; }
}
