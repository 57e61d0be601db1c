using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class FormFillTimeTests
{
    private static readonly DateTimeOffset Rendered = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_form_posted_within_three_seconds_is_too_fast()
    {
        Assert.True(FormFillTime.IsTooFast(Rendered, Rendered.AddSeconds(2.9)));
        Assert.Equal(TimeSpan.FromSeconds(1), FormFillTime.RemainingWait(Rendered, Rendered.AddSeconds(2)));
    }

    [Fact]
    public void A_form_posted_after_three_seconds_is_fine()
    {
        Assert.False(FormFillTime.IsTooFast(Rendered, Rendered.AddSeconds(3)));
        Assert.Equal(TimeSpan.Zero, FormFillTime.RemainingWait(Rendered, Rendered.AddMinutes(20)));
    }

    [Fact]
    public void A_form_posted_more_than_a_day_after_it_was_rendered_is_too_old()
    {
        Assert.True(FormFillTime.IsTooOld(Rendered, Rendered.AddHours(24).AddSeconds(1)));
        Assert.False(FormFillTime.IsTooOld(Rendered, Rendered.AddHours(24)));
        Assert.True(FormFillTime.IsTooOld(Rendered, Rendered.AddMinutes(61), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_form_posted_before_it_was_rendered_is_too_fast()
    {
        Assert.True(FormFillTime.IsTooFast(Rendered, Rendered.AddSeconds(-30)));
        Assert.Equal(TimeSpan.FromSeconds(3), FormFillTime.RemainingWait(Rendered, Rendered.AddSeconds(-30)));
    }

    [Fact]
    public void The_minimum_can_be_changed()
    {
        Assert.True(FormFillTime.IsTooFast(Rendered, Rendered.AddSeconds(4), TimeSpan.FromSeconds(5)));
    }
}
