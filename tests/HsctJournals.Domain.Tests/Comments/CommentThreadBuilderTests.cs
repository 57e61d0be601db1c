using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class CommentThreadBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static CommentSource<string> C(long id, long? parent, int minute, string? author = null) =>
        new(id, parent, T0.AddMinutes(minute), author ?? $"Author{id}", $"text {id}");

    private static long[] Ids(IEnumerable<CommentNode<string>> nodes) => nodes.Select(n => n.Id).ToArray();

    [Fact]
    public void No_comments_give_an_empty_forest()
    {
        var forest = CommentThreadBuilder.Build(Array.Empty<CommentSource<string>>());

        Assert.Empty(forest.Roots);
        Assert.Equal(0, forest.Count);
    }

    [Fact]
    public void Replies_hang_under_the_comment_they_answer_whatever_the_input_order()
    {
        var forest = CommentThreadBuilder.Build([C(3, 1, 2), C(2, null, 1), C(1, null, 0), C(4, 3, 3)]);

        Assert.Equal([1L, 2L], Ids(forest.Roots));
        var first = forest.Roots[0];
        Assert.Equal([3L], Ids(first.Children));
        Assert.Equal([4L], Ids(first.Children[0].Children));
        Assert.Equal(4, forest.Count);
    }

    [Fact]
    public void Depth_is_one_based()
    {
        var forest = CommentThreadBuilder.Build([C(1, null, 0), C(2, 1, 1), C(3, 2, 2)]);

        Assert.Equal(1, forest.Find(1)!.Depth);
        Assert.Equal(2, forest.Find(2)!.Depth);
        Assert.Equal(3, forest.Find(3)!.Depth);
    }

    [Fact]
    public void Each_reply_knows_the_name_of_the_author_it_answers()
    {
        var forest = CommentThreadBuilder.Build([C(1, null, 0, "Marta"), C(2, 1, 1, "Dr Okafor")]);

        Assert.Equal("Marta", forest.Find(2)!.InReplyToName);
        Assert.Null(forest.Find(1)!.InReplyToName);
    }

    [Fact]
    public void Newest_first_reverses_the_top_level_but_replies_stay_oldest_first()
    {
        var comments = new[] { C(1, null, 0), C(2, null, 10), C(11, 1, 20), C(12, 1, 5), C(13, 1, 30) };

        var forest = CommentThreadBuilder.Build(comments, CommentOrder.NewestFirst);

        Assert.Equal([2L, 1L], Ids(forest.Roots));
        Assert.Equal([12L, 11L, 13L], Ids(forest.Find(1)!.Children));
    }

    [Fact]
    public void Comments_written_at_the_same_moment_are_ordered_by_id()
    {
        var forest = CommentThreadBuilder.Build([C(9, null, 0), C(4, null, 0), C(7, null, 0)]);

        Assert.Equal([4L, 7L, 9L], Ids(forest.Roots));
    }

    [Fact]
    public void A_reply_to_a_comment_at_the_deepest_level_is_shown_beside_it_at_that_level()
    {
        // 1 ← 2 ← 3 ← 4, with a limit of 3: 4 answers 3, which is already at depth 3.
        var forest = CommentThreadBuilder.Build([C(1, null, 0), C(2, 1, 1), C(3, 2, 2, "Sam"), C(4, 3, 3)], maxDepth: 3);

        var four = forest.Find(4)!;
        Assert.Equal(3, four.Depth);
        Assert.Same(forest.Find(2), four.Parent);
        Assert.Equal([3L, 4L], Ids(forest.Find(2)!.Children));
        Assert.Same(forest.Find(3), four.InReplyTo);
        Assert.Equal("Sam", four.InReplyToName);
        Assert.True(four.IsFlattened);
        Assert.False(forest.Find(3)!.IsFlattened);
    }

    [Fact]
    public void A_long_conversation_at_the_limit_reads_as_one_chronological_list()
    {
        var comments = new List<CommentSource<string>> { C(1, null, 0), C(2, 1, 1) };
        for (var id = 3; id <= 8; id++)
        {
            comments.Add(C(id, id - 1, id));
        }

        var forest = CommentThreadBuilder.Build(comments, maxDepth: 2);

        Assert.Equal([2L, 3L, 4L, 5L, 6L, 7L, 8L], Ids(forest.Find(1)!.Children));
        Assert.All(forest.Find(1)!.Children, n => Assert.Equal(2, n.Depth));
        Assert.Equal(5L, forest.Find(6)!.InReplyTo!.Id);
    }

    [Fact]
    public void With_a_depth_limit_of_one_every_reply_is_shown_at_top_level()
    {
        var forest = CommentThreadBuilder.Build([C(1, null, 0, "Ann"), C(2, 1, 1), C(3, 2, 2)], maxDepth: 1);

        Assert.Equal([1L, 2L, 3L], Ids(forest.Roots));
        Assert.All(forest.Roots, n => Assert.Equal(1, n.Depth));
        Assert.Equal("Ann", forest.Find(2)!.InReplyToName);
        Assert.Same(forest.Find(3), forest.Find(3)!.ThreadRoot);
    }

    [Fact]
    public void No_node_is_ever_deeper_than_the_limit()
    {
        var comments = Enumerable.Range(1, 500).Select(i => C(i, i == 1 ? null : i - 1, i)).ToList();

        var forest = CommentThreadBuilder.Build(comments);

        Assert.Equal(5, forest.Flatten().Max(n => n.Depth));
        Assert.Equal(500, forest.Flatten().Count());
    }

    [Fact]
    public void A_reply_whose_parent_is_missing_is_shown_at_top_level_as_an_orphan()
    {
        var forest = CommentThreadBuilder.Build([C(1, null, 0), C(3, 2, 5), C(4, 3, 6), C(5, null, 10)]);

        Assert.Equal([1L, 3L, 5L], Ids(forest.Roots));
        var orphan = forest.Find(3)!;
        Assert.True(orphan.IsOrphan);
        Assert.Equal(1, orphan.Depth);
        Assert.Null(orphan.InReplyToName);
        Assert.Equal([4L], Ids(orphan.Children));
        Assert.False(forest.Find(4)!.IsOrphan);
    }

    [Fact]
    public void A_comment_that_answers_itself_cannot_loop_and_is_shown_at_top_level()
    {
        var forest = CommentThreadBuilder.Build([C(1, 1, 0)]);

        var node = Assert.Single(forest.Roots);
        Assert.True(node.IsOrphan);
    }

    [Fact]
    public void A_parent_cycle_is_broken_at_its_oldest_comment_and_nothing_is_lost()
    {
        // 2 answers 1, 1 answers 3, 3 answers 2; 4 answers 2 as well.
        var forest = CommentThreadBuilder.Build([C(1, 3, 5), C(2, 1, 1), C(3, 2, 9), C(4, 2, 2), C(10, null, 0)]);

        Assert.Equal([10L, 2L], Ids(forest.Roots));
        Assert.True(forest.Find(2)!.IsOrphan);
        Assert.Equal([4L, 3L], Ids(forest.Find(2)!.Children));
        Assert.Equal([1L], Ids(forest.Find(3)!.Children));
        Assert.Empty(forest.Find(1)!.Children);
        Assert.Equal(5, forest.Flatten().Count());
    }

    [Fact]
    public void Every_comment_appears_exactly_once_in_reading_order()
    {
        var forest = CommentThreadBuilder.Build([C(1, null, 0), C(2, 1, 1), C(3, null, 2), C(4, 2, 3), C(5, 1, 4)]);

        Assert.Equal([1L, 2L, 4L, 5L, 3L], Ids(forest.Flatten()));
    }

    [Fact]
    public void Each_node_knows_the_top_level_comment_of_its_thread()
    {
        var forest = CommentThreadBuilder.Build([C(1, null, 0), C(2, 1, 1), C(3, 2, 2)]);

        Assert.Same(forest.Find(1), forest.Find(3)!.ThreadRoot);
    }

    [Fact]
    public void Payloads_are_handed_back_untouched()
    {
        var forest = CommentThreadBuilder.Build([C(7, null, 0)]);

        Assert.Equal("text 7", forest.Find(7)!.Payload);
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CommentThreadBuilder.Build([C(1, null, 0), C(1, null, 1)]));
    }

    [Fact]
    public void A_depth_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentThreadBuilder.Build([C(1, null, 0)], maxDepth: 0));
    }

    [Fact]
    public void A_very_long_chain_is_built_without_recursion()
    {
        var comments = Enumerable.Range(1, 100_000).Select(i => C(i, i == 1 ? null : i - 1, i)).ToList();

        var forest = CommentThreadBuilder.Build(comments, maxDepth: 100_000);

        Assert.Equal(100_000, forest.Find(100_000)!.Depth);
    }
}
