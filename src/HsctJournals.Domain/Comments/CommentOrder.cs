namespace HsctJournals.Domain.Comments;

/// <summary>
/// How top-level comments are ordered on a post. Replies inside a thread are always oldest-first,
/// as in WordPress, so a conversation reads top to bottom whichever order is chosen.
/// </summary>
public enum CommentOrder
{
    /// <summary>Oldest top-level comment first (the default).</summary>
    OldestFirst,

    /// <summary>Newest top-level comment first.</summary>
    NewestFirst,
}
