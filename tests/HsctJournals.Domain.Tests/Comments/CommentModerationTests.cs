using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class CommentModerationTests
{
    private static readonly DateTimeOffset Published = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Published.AddDays(3);

    private static CommentPolicyInput Post(CommentPolicy? policy = null, bool closed = false, DateTimeOffset? published = null) =>
        new(policy ?? new CommentPolicy { Hold = HoldRule.Never }, closed, published ?? Published);

    private static CommentUnderReview Comment(string text = "Thinking of you, Marta.") => new()
    {
        Text = text,
        AuthorName = "Jo",
        AuthorEmail = "jo@example.org",
        HasApprovedCommentBefore = true,
    };

    private static string ReasonOf(ModerationDecision decision) => decision switch
    {
        ModerationDecision.Rejected r => r.Reason,
        ModerationDecision.Pending p => p.Reason,
        ModerationDecision.Spam s => s.Reason,
        _ => throw new InvalidOperationException($"No reason on {decision}"),
    };

    [Fact]
    public void An_ordinary_comment_from_a_known_address_is_approved()
    {
        Assert.IsType<ModerationDecision.Approved>(CommentModeration.Decide(Post(), Comment(), Now));
    }

    [Fact]
    public void The_default_policy_lets_anyone_comment_and_holds_a_first_comment_from_a_new_address()
    {
        var decision = CommentModeration.Decide(Post(CommentPolicy.Default), Comment() with { HasApprovedCommentBefore = false }, Now);

        var pending = Assert.IsType<ModerationDecision.Pending>(decision);
        Assert.Contains("first comment", pending.Reason);
    }

    [Fact]
    public void An_approved_reader_skips_the_first_comment_hold()
    {
        var comment = Comment() with { HasApprovedCommentBefore = false, IsApprovedReader = true, IsSignedIn = true };

        Assert.IsType<ModerationDecision.Approved>(CommentModeration.Decide(Post(CommentPolicy.Default), comment, Now));
    }

    [Theory]
    [InlineData(HoldRule.FirstCommentFromNewEmail, false, false, true)]
    [InlineData(HoldRule.FirstCommentFromNewEmail, true, false, false)]
    [InlineData(HoldRule.FirstCommentFromNewEmail, false, true, false)]
    [InlineData(HoldRule.Never, false, false, false)]
    [InlineData(HoldRule.Always, false, false, false)]
    public void The_approval_history_is_needed_only_when_it_can_change_the_decision(HoldRule hold, bool approvedReader, bool staff, bool needed)
    {
        var policy = new CommentPolicy { Hold = hold };
        var comment = Comment() with { IsApprovedReader = approvedReader, IsJournalStaff = staff, IsSignedIn = approvedReader || staff };

        Assert.Equal(needed, CommentModeration.NeedsApprovalHistory(policy, comment));
        // When it is not needed, either answer gives the same decision.
        if (!needed)
            Assert.Equal(CommentModeration.Decide(Post(policy), comment with { HasApprovedCommentBefore = true }, Now).GetType(),
                CommentModeration.Decide(Post(policy), comment with { HasApprovedCommentBefore = false }, Now).GetType());
    }

    [Fact]
    public void A_post_with_comments_switched_off_rejects_every_comment_even_from_staff()
    {
        var decision = CommentModeration.Decide(Post(closed: true), Comment() with { IsJournalStaff = true }, Now);

        Assert.Equal("Comments are closed on this post.", ReasonOf(Assert.IsType<ModerationDecision.Rejected>(decision)));
    }

    [Fact]
    public void A_journal_where_nobody_may_comment_rejects_comments()
    {
        var decision = CommentModeration.Decide(Post(new CommentPolicy { WhoMayComment = CommentPermission.Nobody }), Comment(), Now);

        Assert.Equal("Comments are turned off for this journal.", ReasonOf(Assert.IsType<ModerationDecision.Rejected>(decision)));
    }

    [Fact]
    public void Comments_close_the_given_number_of_days_after_publication()
    {
        var policy = new CommentPolicy { Hold = HoldRule.Never, CloseAfterDays = 14 };

        Assert.IsType<ModerationDecision.Approved>(CommentModeration.Decide(Post(policy), Comment(), Published.AddDays(14).AddTicks(-1)));
        var decision = CommentModeration.Decide(Post(policy), Comment(), Published.AddDays(14));
        Assert.Equal("Comments close 14 days after a post is published, and this post is older.", ReasonOf(decision));
    }

    [Fact]
    public void Without_a_closing_age_comments_stay_open_for_years()
    {
        Assert.IsType<ModerationDecision.Approved>(CommentModeration.Decide(Post(), Comment(), Published.AddYears(10)));
    }

    [Fact]
    public void An_unpublished_or_scheduled_post_takes_no_comments()
    {
        Assert.IsType<ModerationDecision.Rejected>(CommentModeration.Decide(new(CommentPolicy.Default, false, null), Comment(), Now));
        Assert.IsType<ModerationDecision.Rejected>(CommentModeration.Decide(Post(published: Now.AddHours(1)), Comment(), Now));
    }

    [Fact]
    public void The_closed_reason_can_be_asked_before_showing_the_form()
    {
        Assert.Null(CommentModeration.ClosedReason(Post(), Now));
        Assert.NotNull(CommentModeration.ClosedReason(Post(closed: true), Now));
    }

    [Fact]
    public void Signed_in_only_journals_ask_visitors_to_sign_in()
    {
        var post = Post(new CommentPolicy { WhoMayComment = CommentPermission.SignedInUsers, Hold = HoldRule.Never });

        Assert.Equal("Please sign in to comment on this journal.", ReasonOf(CommentModeration.Decide(post, Comment(), Now)));
        Assert.IsType<ModerationDecision.Approved>(CommentModeration.Decide(post, Comment() with { IsSignedIn = true }, Now));
    }

    [Fact]
    public void Approved_reader_journals_turn_away_other_signed_in_users()
    {
        var post = Post(new CommentPolicy { WhoMayComment = CommentPermission.ApprovedReaders, Hold = HoldRule.Never });

        var decision = CommentModeration.Decide(post, Comment() with { IsSignedIn = true }, Now);

        Assert.Contains("Only approved readers", ReasonOf(Assert.IsType<ModerationDecision.Rejected>(decision)));
        Assert.IsType<ModerationDecision.Approved>(
            CommentModeration.Decide(post, Comment() with { IsSignedIn = true, IsApprovedReader = true }, Now));
    }

    [Fact]
    public void Journal_staff_may_always_comment_and_are_never_held()
    {
        var policy = new CommentPolicy { WhoMayComment = CommentPermission.ApprovedReaders, Hold = HoldRule.Always, HeldWords = ["scared"] };
        var staff = Comment("I am scared, https://a.example https://b.example https://c.example") with { IsJournalStaff = true, IsSignedIn = true };

        Assert.IsType<ModerationDecision.Approved>(CommentModeration.Decide(Post(policy), staff, Now));
    }

    [Fact]
    public void An_invalid_field_rejects_the_comment_with_a_readable_message()
    {
        var decision = CommentModeration.Decide(Post(), Comment() with { AuthorEmail = "not-an-address" }, Now);

        Assert.StartsWith("Please give a valid e-mail address.", ReasonOf(Assert.IsType<ModerationDecision.Rejected>(decision)));
    }

    [Fact]
    public void A_too_long_comment_is_rejected()
    {
        Assert.IsType<ModerationDecision.Rejected>(CommentModeration.Decide(Post(), Comment(new string('x', 5001)), Now));
    }

    [Fact]
    public void A_filled_honeypot_marks_the_comment_as_spam()
    {
        Assert.IsType<ModerationDecision.Spam>(CommentModeration.Decide(Post(), Comment() with { HoneypotFilled = true }, Now));
    }

    [Theory]
    [InlineData("Best CASINO bonus", null, null)]
    [InlineData("Hello", "Casino King", null)]
    [InlineData("Hello", null, "https://casino.example")]
    public void A_blocked_word_anywhere_in_the_comment_marks_it_as_spam(string text, string? name, string? website)
    {
        var policy = new CommentPolicy { Hold = HoldRule.Never, BlockedWords = ["casino"] };
        var comment = Comment(text) with { AuthorName = name ?? "Jo", Website = website };

        var spam = Assert.IsType<ModerationDecision.Spam>(CommentModeration.Decide(Post(policy), comment, Now));
        Assert.Equal("Contains the blocked word or phrase “casino”.", spam.Reason);
    }

    [Fact]
    public void A_blocked_word_inside_a_longer_word_does_not_count()
    {
        var policy = new CommentPolicy { Hold = HoldRule.Never, BlockedWords = ["ass"] };

        Assert.IsType<ModerationDecision.Approved>(CommentModeration.Decide(Post(policy), Comment("The assessment went well"), Now));
    }

    [Fact]
    public void A_held_word_holds_the_comment_for_moderation()
    {
        var policy = new CommentPolicy { Hold = HoldRule.Never, HeldWords = ["cure"] };

        Assert.IsType<ModerationDecision.Pending>(CommentModeration.Decide(Post(policy), Comment("Is this a CURE?"), Now));
    }

    [Fact]
    public void Up_to_two_links_are_fine_and_a_third_holds_the_comment()
    {
        var two = Comment("https://a.example and www.b.example");
        var three = Comment("https://a.example and www.b.example and http://c.example");

        Assert.IsType<ModerationDecision.Approved>(CommentModeration.Decide(Post(), two, Now));
        var pending = Assert.IsType<ModerationDecision.Pending>(CommentModeration.Decide(Post(), three, Now));
        Assert.Equal("Comments with more than 2 links wait for a moderator before they appear.", pending.Reason);
    }

    [Fact]
    public void Always_hold_holds_even_a_regular_commenter()
    {
        var decision = CommentModeration.Decide(Post(new CommentPolicy { Hold = HoldRule.Always }), Comment(), Now);

        Assert.IsType<ModerationDecision.Pending>(decision);
    }

    [Fact]
    public void A_duplicate_is_rejected_with_a_reassuring_message()
    {
        var decision = CommentModeration.Decide(Post(), Comment() with { IsDuplicate = true }, Now);

        Assert.Contains("already posted", ReasonOf(Assert.IsType<ModerationDecision.Rejected>(decision)));
    }

    [Fact]
    public void Spam_wins_over_holds()
    {
        var policy = new CommentPolicy { Hold = HoldRule.Always, BlockedWords = ["casino"] };

        Assert.IsType<ModerationDecision.Spam>(CommentModeration.Decide(Post(policy), Comment("casino"), Now));
    }
}
