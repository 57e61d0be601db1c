namespace HsctJournals.Domain.Comments;

/// <summary>
/// A comment placed in a thread by <see cref="CommentThreadBuilder"/>: where it is shown
/// (<see cref="Parent"/>, <see cref="Depth"/>) and what it answers (<see cref="InReplyTo"/>),
/// which differ when the thread was deeper than the depth limit.
/// </summary>
/// <typeparam name="TPayload">The caller's data from <see cref="CommentSource{TPayload}"/>.</typeparam>
public sealed class CommentNode<TPayload>
{
    private readonly List<CommentNode<TPayload>> _children = [];

    internal CommentNode(CommentSource<TPayload> source)
    {
        Source = source;
    }

    /// <summary>The input this node was built from.</summary>
    public CommentSource<TPayload> Source { get; }

    /// <summary>The comment's identity.</summary>
    public long Id => Source.Id;

    /// <summary>When the comment was written.</summary>
    public DateTimeOffset CreatedAt => Source.CreatedAt;

    /// <summary>The public display name of the comment's author.</summary>
    public string AuthorName => Source.AuthorName;

    /// <summary>The caller's data.</summary>
    public TPayload Payload => Source.Payload;

    /// <summary>Level at which the comment is shown: 1 for top level, never above the forest's maximum depth.</summary>
    public int Depth { get; internal set; }

    /// <summary>The node this one is shown under, or <see langword="null"/> at top level.</summary>
    public CommentNode<TPayload>? Parent { get; internal set; }

    /// <summary>
    /// The comment this one answers, when it is in the forest. Equal to <see cref="Parent"/>
    /// unless the depth limit moved the reply up beside its target.
    /// </summary>
    public CommentNode<TPayload>? InReplyTo { get; internal set; }

    /// <summary>The author of the answered comment, for "in reply to NAME"; <see langword="null"/> when unknown.</summary>
    public string? InReplyToName => InReplyTo?.AuthorName;

    /// <summary>
    /// True when the reply is shown at a shallower level than its target because the target was
    /// at the maximum depth; show "in reply to NAME" at least then.
    /// </summary>
    public bool IsFlattened => InReplyTo is not null && !ReferenceEquals(InReplyTo, Parent);

    /// <summary>
    /// True when the comment names a parent that is not in the input (not approved, trashed,
    /// deleted) or sits in a parent cycle; such comments are shown at top level.
    /// </summary>
    public bool IsOrphan { get; internal set; }

    /// <summary>The top-level node of the thread this node is shown in (itself at top level).</summary>
    public CommentNode<TPayload> ThreadRoot => Parent?.ThreadRoot ?? this;

    /// <summary>Replies shown directly under this node, oldest first.</summary>
    public IReadOnlyList<CommentNode<TPayload>> Children => _children;

    internal List<CommentNode<TPayload>> MutableChildren => _children;

    internal bool Placed { get; set; }
}
