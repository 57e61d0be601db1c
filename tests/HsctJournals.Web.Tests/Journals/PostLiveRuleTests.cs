using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Tests.Journals;

/// <summary>The query form and the in-memory form of "is this post live" (Post.LiveAt, Post.IsLiveAt) never disagree.</summary>
public sealed class PostLiveRuleTests
{
    private static readonly DateTime Now = new(2026, 3, 14, 12, 0, 0, DateTimeKind.Utc);

    public static TheoryData<PostStatus, int?> Cases()
    {
        var data = new TheoryData<PostStatus, int?>();
        foreach (var status in Enum.GetValues<PostStatus>())
            foreach (var minutes in new int?[] { null, -60, 0, 60 })
                data.Add(status, minutes);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_query_rule_and_the_memory_rule_agree(PostStatus status, int? publishedMinutesFromNow)
    {
        var post = new Post
        {
            Title = "t", Slug = "t", Markdown = "", Html = "", PlainText = "", Excerpt = "", AuthorId = "a",
            Status = status, PublishedAt = publishedMinutesFromNow is { } m ? Now.AddMinutes(m) : null,
        };

        Assert.Equal(Post.LiveAt(Now).Compile()(post), post.IsLiveAt(Now));
    }

    [Fact]
    public void A_draft_is_never_live_and_a_due_scheduled_post_is()
    {
        var post = new Post { Title = "t", Slug = "t", Markdown = "", Html = "", PlainText = "", Excerpt = "", AuthorId = "a", PublishedAt = Now.AddDays(-1) };
        post.Status = PostStatus.Draft;
        Assert.False(post.IsLiveAt(Now));
        Assert.Null(post.LiveFrom);
        post.Status = PostStatus.Scheduled;
        Assert.True(post.IsLiveAt(Now));
        Assert.False(post.IsLiveAt(Now.AddDays(-2)));
    }
}
