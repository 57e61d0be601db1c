namespace HsctJournals.Domain.Comments;

/// <summary>
/// The comments of one post arranged as threads, built by <see cref="CommentThreadBuilder"/>.
/// Every input comment appears exactly once.
/// </summary>
/// <typeparam name="TPayload">The caller's data carried on each node.</typeparam>
public sealed class CommentForest<TPayload>
{
    private readonly Dictionary<long, CommentNode<TPayload>> _byId;
    private readonly Dictionary<long, int> _chronologicalIndexOfRoot;

    internal CommentForest(
        IReadOnlyList<CommentNode<TPayload>> chronologicalRoots,
        Dictionary<long, CommentNode<TPayload>> byId,
        CommentOrder order,
        int maxDepth)
    {
        ChronologicalRoots = chronologicalRoots;
        _byId = byId;
        Order = order;
        MaxDepth = maxDepth;
        Roots = order == CommentOrder.OldestFirst ? chronologicalRoots : chronologicalRoots.Reverse().ToArray();
        _chronologicalIndexOfRoot = new Dictionary<long, int>(chronologicalRoots.Count);
        for (var i = 0; i < chronologicalRoots.Count; i++)
        {
            _chronologicalIndexOfRoot[chronologicalRoots[i].Id] = i;
        }
    }

    /// <summary>Top-level nodes in display order (<see cref="Order"/>).</summary>
    public IReadOnlyList<CommentNode<TPayload>> Roots { get; }

    /// <summary>Top-level nodes oldest first, whatever the display order; pages are cut from this.</summary>
    public IReadOnlyList<CommentNode<TPayload>> ChronologicalRoots { get; }

    /// <summary>The order of the top level.</summary>
    public CommentOrder Order { get; }

    /// <summary>The deepest level any node is shown at.</summary>
    public int MaxDepth { get; }

    /// <summary>The number of comments in the forest, at every level.</summary>
    public int Count => _byId.Count;

    /// <summary>The node for <paramref name="id"/>, or <see langword="null"/> when it is not in the forest.</summary>
    public CommentNode<TPayload>? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>Every node in reading order: each top-level node followed by its replies, depth first.</summary>
    public IEnumerable<CommentNode<TPayload>> Flatten()
    {
        var stack = new Stack<CommentNode<TPayload>>();
        for (var i = Roots.Count - 1; i >= 0; i--)
        {
            stack.Push(Roots[i]);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    internal int ChronologicalIndexOf(CommentNode<TPayload> root) => _chronologicalIndexOfRoot[root.Id];
}
