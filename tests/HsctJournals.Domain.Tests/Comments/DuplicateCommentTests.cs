using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class DuplicateCommentTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CommentFingerprint Earlier(string text = "Thank you!", string email = "jo@example.org", long post = 7, double hoursAgo = 1) =>
        new(post, email, text, Now.AddHours(-hoursAgo));

    private static readonly CommentFingerprint Candidate = new(7, "jo@example.org", "Thank you!", Now);

    [Fact]
    public void The_same_text_from_the_same_address_on_the_same_post_is_a_duplicate()
    {
        Assert.True(DuplicateComment.IsDuplicate(Candidate, [Earlier()], Now));
    }

    [Fact]
    public void Case_spacing_and_line_endings_do_not_hide_a_duplicate()
    {
        Assert.True(DuplicateComment.IsDuplicate(Candidate, [Earlier("  thank   YOU!\r\n", " JO@Example.org ")], Now));
    }

    [Fact]
    public void Another_post_another_address_or_other_text_is_not_a_duplicate()
    {
        Assert.False(DuplicateComment.IsDuplicate(Candidate, [Earlier(post: 8), Earlier(email: "ann@example.org"), Earlier("Thanks!")], Now));
    }

    [Fact]
    public void The_same_comment_a_day_or_more_later_is_not_a_duplicate()
    {
        Assert.False(DuplicateComment.IsDuplicate(Candidate, [Earlier(hoursAgo: 24)], Now));
        Assert.True(DuplicateComment.IsDuplicate(Candidate, [Earlier(hoursAgo: 23.9)], Now));
    }

    [Fact]
    public void Normalised_text_is_lowercase_compatibility_folded_with_single_spaces()
    {
        Assert.Equal("day +12: fine", DuplicateComment.NormaliseText(" Day  +12:\n\t\uFB01ne "));
    }
}
