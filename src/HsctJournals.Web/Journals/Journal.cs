namespace HsctJournals.Web.Journals;

/// <summary>Who may read a journal. The one access rule (<see cref="JournalAccess"/>) interprets it.</summary>
public enum JournalVisibility
{
    /// <summary>Listed on the site home, indexed by search engines, readable by anyone.</summary>
    Public = 0,
    /// <summary>Readable by anyone with the link; never listed, never indexed.</summary>
    Unlisted = 1,
    /// <summary>Readable by signed-in users the owner approved, and by owners and co-authors.</summary>
    ApprovedReaders = 2,
    /// <summary>Readable by the owner and co-authors only.</summary>
    Private = 3,
}

/// <summary>One patient's journal, like a blog.</summary>
public class Journal
{
    public const int TitleMaxLength = 120;
    public const int TaglineMaxLength = 200;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Tagline { get; set; }
    public JournalVisibility Visibility { get; set; } = JournalVisibility.Private;
    /// <summary>Whether posts show their treatment day label ("Day +12").</summary>
    public bool ShowDayNumbers { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// Kept off the site's lists (front page, site search, sitemap, API list) until a site admin approves it;
    /// set on new journals while the site asks for approval (<see cref="Shared.NewJournalListing"/>). Readers with the link still read it.
    /// </summary>
    public bool AwaitingListing { get; set; }
    /// <summary>Who may comment, what waits for moderation, thread depth.</summary>
    public CommentSettings Comments { get; set; } = new();

    public List<JournalMember> Members { get; set; } = [];
    public List<Post> Posts { get; set; } = [];
    public List<Category> Categories { get; set; } = [];
}
