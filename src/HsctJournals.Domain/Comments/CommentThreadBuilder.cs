namespace HsctJournals.Domain.Comments;

/// <summary>
/// Turns a post's flat list of comments into threads, in linear time apart from sorting each
/// list of siblings.
/// </summary>
/// <remarks>
/// <para><b>Order.</b> <see cref="CommentOrder"/> applies to the top level only; replies under a
/// comment are always oldest first (WordPress does the same), so a conversation reads downwards.
/// Ties on <see cref="CommentSource{TPayload}.CreatedAt"/> are broken by id.</para>
/// <para><b>Depth limit.</b> Depth is 1-based; nothing is shown deeper than <c>maxDepth</c>. A reply
/// whose target is already at <c>maxDepth</c> is shown at <c>maxDepth</c> too, as a sibling of its
/// target: it is attached to the target's own parent (with <c>maxDepth</c> = 1, at top level), sorted
/// among those siblings by time, and keeps <see cref="CommentNode{TPayload}.InReplyTo"/> pointing at
/// the target so the page can say "in reply to NAME". Replies to that reply land in the same
/// list, so a long back-and-forth at the limit reads as a flat, chronological conversation.</para>
/// <para><b>Orphans.</b> A comment whose parent is not in the input (held, spam, trashed or deleted)
/// is shown at top level, ordered by its own time, with
/// <see cref="CommentNode{TPayload}.IsOrphan"/> set and no "in reply to". Hiding it would punish
/// the replier for a moderation decision about someone else, and losing it is never acceptable.</para>
/// <para><b>Cycles.</b> Parent links that loop (a self-reply, or A → B → A from bad data) cannot hang
/// the builder: each node is placed once. A loop that no top-level comment reaches is broken at its
/// oldest comment, which is shown at top level as an orphan; the rest of the loop hangs under it.</para>
/// </remarks>
public static class CommentThreadBuilder
{
    /// <summary>The default thread depth (design.md: journal comment policy, thread depth default 5).</summary>
    public const int DefaultMaxDepth = 5;

    /// <summary>Builds the forest for one post.</summary>
    /// <param name="comments">The post's visible comments, in any order.</param>
    /// <param name="order">Order of the top level.</param>
    /// <param name="maxDepth">Deepest level shown, at least 1.</param>
    /// <exception cref="ArgumentException">Two comments share an id.</exception>
    public static CommentForest<TPayload> Build<TPayload>(
        IEnumerable<CommentSource<TPayload>> comments,
        CommentOrder order = CommentOrder.OldestFirst,
        int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);

        var byId = new Dictionary<long, CommentNode<TPayload>>();
        var inputOrder = new List<CommentNode<TPayload>>();
        foreach (var source in comments)
        {
            var node = new CommentNode<TPayload>(source);
            if (!byId.TryAdd(source.Id, node))
            {
                throw new ArgumentException($"Comment id {source.Id} appears more than once.", nameof(comments));
            }

            inputOrder.Add(node);
        }

        // Replies grouped by the comment they answer; self-replies are left out (a cycle of one).
        var repliesTo = new Dictionary<long, List<CommentNode<TPayload>>>();
        var topLevel = new List<CommentNode<TPayload>>();
        var queue = new Queue<CommentNode<TPayload>>();
        foreach (var node in inputOrder)
        {
            var parentId = node.Source.ParentId;
            if (parentId is { } id && id != node.Id && byId.ContainsKey(id))
            {
                if (!repliesTo.TryGetValue(id, out var list))
                {
                    repliesTo[id] = list = [];
                }

                list.Add(node);
            }
            else
            {
                PlaceAtTop(node, isOrphan: parentId is not null);
            }
        }

        Spread();

        // Whatever is still unplaced hangs off a parent loop: break each loop at its oldest comment.
        var unplaced = inputOrder.Where(n => !n.Placed).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToList();
        foreach (var node in unplaced)
        {
            if (!node.Placed)
            {
                PlaceAtTop(node, isOrphan: true);
                Spread();
            }
        }

        var sibling = Comparer<CommentNode<TPayload>>.Create(Chronologically);
        topLevel.Sort(sibling);
        foreach (var node in inputOrder)
        {
            if (node.MutableChildren.Count > 1)
            {
                node.MutableChildren.Sort(sibling);
            }
        }

        return new CommentForest<TPayload>(topLevel, byId, order, maxDepth);

        void PlaceAtTop(CommentNode<TPayload> node, bool isOrphan)
        {
            node.Depth = 1;
            node.IsOrphan = isOrphan;
            node.Placed = true;
            topLevel.Add(node);
            queue.Enqueue(node);
        }

        // Breadth first from every placed node, so a target always has its depth before its replies.
        void Spread()
        {
            while (queue.TryDequeue(out var target))
            {
                if (!repliesTo.TryGetValue(target.Id, out var replies))
                {
                    continue;
                }

                foreach (var reply in replies)
                {
                    if (reply.Placed)
                    {
                        continue; // the edge that closes a loop
                    }

                    reply.InReplyTo = target;
                    reply.Placed = true;
                    if (target.Depth < maxDepth)
                    {
                        reply.Parent = target;
                        reply.Depth = target.Depth + 1;
                        target.MutableChildren.Add(reply);
                    }
                    else
                    {
                        // At the limit: shown beside the target, under the target's own parent.
                        reply.Parent = target.Parent;
                        reply.Depth = target.Depth;
                        if (target.Parent is null)
                        {
                            topLevel.Add(reply);
                        }
                        else
                        {
                            target.Parent.MutableChildren.Add(reply);
                        }
                    }

                    queue.Enqueue(reply);
                }
            }
        }
    }

    private static int Chronologically<TPayload>(CommentNode<TPayload>? a, CommentNode<TPayload>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null)
        {
            return -1;
        }

        if (b is null)
        {
            return 1;
        }

        var byTime = a.CreatedAt.CompareTo(b.CreatedAt);
        return byTime != 0 ? byTime : a.Id.CompareTo(b.Id);
    }
}
