using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class CommentPaginationTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    // Top-level comments 1..threads, each with one reply numbered 1000 + id.
    private static List<CommentSource<int>> Threads(int threads)
    {
        var list = new List<CommentSource<int>>();
        for (var i = 1; i <= threads; i++)
        {
            list.Add(new(i, null, T0.AddMinutes(i), "A", i));
            list.Add(new(1000 + i, i, T0.AddMinutes(i).AddSeconds(30), "B", i));
        }

        return list;
    }

    private static long[] Ids(CommentPage<int> page) => page.Threads.Select(n => n.Id).ToArray();

    [Fact]
    public void A_page_holds_whole_threads_and_replies_do_not_count_towards_its_size()
    {
        var forest = CommentThreadBuilder.Build(Threads(5));

        var page = CommentPagination.Paginate(forest, page: 1, pageSize: 2);

        Assert.Equal([1L, 2L], Ids(page));
        Assert.All(page.Threads, t => Assert.Single(t.Children));
        Assert.Equal(3, page.PageCount);
        Assert.Equal(5, page.TotalThreads);
        Assert.False(page.HasPrevious);
        Assert.True(page.HasNext);
    }

    [Fact]
    public void The_last_page_holds_the_remaining_threads()
    {
        var forest = CommentThreadBuilder.Build(Threads(5));

        var page = CommentPagination.Paginate(forest, page: 3, pageSize: 2);

        Assert.Equal([5L], Ids(page));
        Assert.True(page.HasPrevious);
        Assert.False(page.HasNext);
    }

    [Fact]
    public void The_default_page_size_is_fifty_threads()
    {
        var forest = CommentThreadBuilder.Build(Threads(120));

        var page = CommentPagination.Paginate(forest, page: 1);

        Assert.Equal(50, page.Threads.Count);
        Assert.Equal(3, page.PageCount);
    }

    [Fact]
    public void A_post_without_comments_has_one_empty_page()
    {
        var forest = CommentThreadBuilder.Build(Array.Empty<CommentSource<int>>());

        var page = CommentPagination.Paginate(forest, page: 1);

        Assert.Equal(1, page.PageCount);
        Assert.Empty(page.Threads);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(99, 3)]
    public void A_page_outside_the_range_is_clamped_to_the_nearest_page(int requested, int shown)
    {
        var forest = CommentThreadBuilder.Build(Threads(5));

        Assert.Equal(shown, CommentPagination.Paginate(forest, requested, pageSize: 2).Number);
    }

    [Fact]
    public void Newest_first_pages_are_still_cut_oldest_first_but_shown_newest_first()
    {
        var forest = CommentThreadBuilder.Build(Threads(5), CommentOrder.NewestFirst);

        Assert.Equal([2L, 1L], Ids(CommentPagination.Paginate(forest, 1, pageSize: 2)));
        Assert.Equal([5L], Ids(CommentPagination.Paginate(forest, 3, pageSize: 2)));
        Assert.Equal(3, CommentPagination.DefaultPage(forest, pageSize: 2));
    }

    [Fact]
    public void Oldest_first_starts_on_the_first_page()
    {
        var forest = CommentThreadBuilder.Build(Threads(5));

        Assert.Equal(1, CommentPagination.DefaultPage(forest, pageSize: 2));
    }

    [Fact]
    public void The_page_of_a_reply_is_the_page_of_its_thread()
    {
        var forest = CommentThreadBuilder.Build(Threads(5));

        Assert.Equal(2, CommentPagination.PageOf(forest, 1003, pageSize: 2));
        Assert.Equal(3, CommentPagination.PageOf(forest, 5, pageSize: 2));
    }

    [Fact]
    public void An_unknown_comment_has_no_page()
    {
        var forest = CommentThreadBuilder.Build(Threads(5));

        Assert.Null(CommentPagination.PageOf(forest, 424242, pageSize: 2));
    }

    [Theory]
    [InlineData(CommentOrder.OldestFirst)]
    [InlineData(CommentOrder.NewestFirst)]
    public void Adding_newer_comments_never_moves_an_existing_comment_to_another_page(CommentOrder order)
    {
        var before = CommentThreadBuilder.Build(Threads(7), order);
        var pagesBefore = before.Flatten().ToDictionary(n => n.Id, n => CommentPagination.PageOf(before, n.Id, 3));

        var more = Threads(20);
        more.Add(new(5000, 2, T0.AddDays(1), "C", 0)); // a late reply in an old thread
        var after = CommentThreadBuilder.Build(more, order);

        foreach (var (id, page) in pagesBefore)
        {
            Assert.Equal(page, CommentPagination.PageOf(after, id, 3));
        }

        Assert.Equal(1, CommentPagination.PageOf(after, 5000, 3));
    }

    [Fact]
    public void Page_size_must_be_positive()
    {
        var forest = CommentThreadBuilder.Build(Threads(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => CommentPagination.Paginate(forest, 1, pageSize: 0));
    }
}
