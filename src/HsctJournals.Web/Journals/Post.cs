using System.Linq.Expressions;
using HsctJournals.Web.Data;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>Where a post is in its life.</summary>
public enum PostStatus
{
    Draft = 0,
    /// <summary>Appears by itself once <see cref="Post.PublishedAt"/> has passed.</summary>
    Scheduled = 1,
    Published = 2,
}

/// <summary>A journal entry.</summary>
public class Post
{
    public const int TitleMaxLength = 200;
    /// <summary>About 100 pages of prose; anything larger is refused with a message.</summary>
    public const int MarkdownMaxLength = 200_000;
    public const int ExcerptMaxLength = 500;

    public int Id { get; set; }
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public required string Markdown { get; set; }
    /// <summary>Sanitised HTML rendered from <see cref="Markdown"/> on save.</summary>
    public required string Html { get; set; }
    /// <summary>Plain text used for search and feeds.</summary>
    public required string PlainText { get; set; }
    /// <summary>The author's excerpt, or one derived from the text.</summary>
    public required string Excerpt { get; set; }
    public bool ExcerptIsCustom { get; set; }
    public PostStatus Status { get; set; }
    /// <summary>When the post is (or was, or will be) public. Null for drafts never published.</summary>
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string AuthorId { get; set; }
    public AppUser Author { get; set; } = null!;
    /// <summary>
    /// A name shown instead of the author's display name: the WordPress author of an imported post
    /// who has no account here, or "Deleted user" once the writer deleted their account.
    /// </summary>
    public string? Byline { get; set; }
    public const int BylineMaxLength = 80;
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }
    public List<Tag> Tags { get; set; } = [];
    public bool CommentsOpen { get; set; } = true;
    /// <summary>Denormalised count of approved comments (changes in the comment's transaction).</summary>
    public int CommentCount { get; set; }
    /// <summary>
    /// A new random value with every write that changes which comments the post shows or how they hang together,
    /// in that write's transaction (<c>CommentStore</c> is the one place that sets it). What is remembered about the
    /// post's thread between requests is keyed by it, so a reader who has read the post row never gets an older
    /// thread, on any node. Random rather than counted: a row id SQLite hands out again starts from a fresh value.
    /// </summary>
    public long CommentsStamp { get; set; } = NewCommentsStamp();

    /// <summary>A fresh <see cref="CommentsStamp"/>.</summary>
    public static long NewCommentsStamp() => Random.Shared.NextInt64(1, long.MaxValue);
    /// <summary>
    /// When the notification job told followers this post went live (or decided not to). Null
    /// until then; set once, so a post is announced at most once whether it was published
    /// directly or a scheduled time passed.
    /// </summary>
    public DateTime? AnnouncedAt { get; set; }
    /// <summary>Optimistic concurrency token, bumped on each save.</summary>
    public int Version { get; set; }

    // "Is this post live" is decided here and nowhere else: LiveAt for queries, LiveFrom/IsLiveAt in memory.
    // PostLiveRuleTests keeps the two forms in agreement. Who may read a post is a separate question (JournalAccess).

    /// <summary>The moment the post goes (or went) live: its publication time unless it is a draft.</summary>
    public DateTime? LiveFrom => Status == PostStatus.Draft ? null : PublishedAt;

    /// <summary>True when the post is visible to readers at <paramref name="now"/> (take it from <see cref="TimeProvider"/>).</summary>
    public bool IsLiveAt(DateTime now) => LiveFrom <= now;

    /// <summary>The same rule as <see cref="IsLiveAt"/> for database queries: published, or scheduled and due.</summary>
    public static Expression<Func<Post, bool>> LiveAt(DateTime now) => WithLiveRule<Func<Post, bool>>(p => IsLiveStandIn(p, now));

    /// <summary>The query rule with the moment as a parameter, so a compiled query can take it as one too.</summary>
    private static readonly QueryRule<Func<Post, DateTime, bool>> LiveRule = new(IsLiveStandIn, (p, now) => p.Status != PostStatus.Draft && p.PublishedAt <= now);

    /// <summary>Stands for the live rule in a query; never called.</summary>
    public static bool IsLiveStandIn(Post post, DateTime now) => throw QueryRule.StandInCalled("the live rule");

    /// <summary>The query with each <see cref="IsLiveStandIn"/> written out as the rule.</summary>
    public static Expression<T> WithLiveRule<T>(Expression<T> query) => LiveRule.Inline(query);
}
