using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class RateLimitWindowTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RateLimitWindow ThreePerTenMinutes = new(3, TimeSpan.FromMinutes(10));

    private static DateTimeOffset MinutesAgo(double minutes) => Now.AddMinutes(-minutes);

    [Fact]
    public void Fewer_events_than_the_limit_are_allowed()
    {
        var decision = ThreePerTenMinutes.Check([MinutesAgo(1), MinutesAgo(2)], Now);

        Assert.True(decision.IsAllowed);
        Assert.Equal(TimeSpan.Zero, decision.RetryAfterDelay);
    }

    [Fact]
    public void Reaching_the_limit_blocks_until_the_oldest_event_leaves_the_window()
    {
        var decision = ThreePerTenMinutes.Check([MinutesAgo(1), MinutesAgo(7), MinutesAgo(4)], Now);

        Assert.False(decision.IsAllowed);
        Assert.Equal(TimeSpan.FromMinutes(3), decision.RetryAfterDelay);
        Assert.Equal(180, decision.RetryAfterSeconds);
    }

    [Fact]
    public void Events_older_than_the_window_no_longer_count()
    {
        Assert.True(ThreePerTenMinutes.Check([MinutesAgo(1), MinutesAgo(2), MinutesAgo(10), MinutesAgo(50)], Now).IsAllowed);
    }

    [Fact]
    public void Far_over_the_limit_the_wait_is_until_enough_events_have_expired()
    {
        var decision = ThreePerTenMinutes.Check([MinutesAgo(9), MinutesAgo(8), MinutesAgo(6), MinutesAgo(5), MinutesAgo(1)], Now);

        // Five in the window: three must go before one more fits, and the third oldest leaves in 4 minutes.
        Assert.Equal(TimeSpan.FromMinutes(4), decision.RetryAfterDelay);
    }

    [Fact]
    public void Timestamps_from_a_clock_ahead_of_ours_block_for_at_most_one_window()
    {
        var decision = ThreePerTenMinutes.Check([Now.AddHours(1), Now.AddHours(2), Now.AddHours(3)], Now);

        Assert.False(decision.IsAllowed);
        Assert.Equal(TimeSpan.FromMinutes(10), decision.RetryAfterDelay);
    }

    [Fact]
    public void A_sub_second_wait_is_rounded_up_to_a_whole_second()
    {
        var one = new RateLimitWindow(1, TimeSpan.FromSeconds(10));

        Assert.Equal(1, one.Check([Now.AddSeconds(-9.5)], Now).RetryAfterSeconds);
    }

    [Fact]
    public void A_limit_needs_at_least_one_event_and_a_positive_window()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitWindow(0, TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitWindow(1, TimeSpan.Zero));
    }
}
