using HsctJournals.Web.Comments;

namespace HsctJournals.Web.Tests.Comments;

/// <summary><see cref="RelativeTime.NextChange"/> is exactly when <see cref="RelativeTime.Describe"/> changes its label.</summary>
public sealed class RelativeTimeTests
{
    [Fact]
    public void The_label_holds_until_the_next_change_and_differs_from_then_on()
    {
        var utc = new DateTime(2026, 11, 20, 9, 30, 15, DateTimeKind.Utc);
        var random = new Random(1127);
        var ages = new List<TimeSpan> { TimeSpan.Zero, TimeSpan.FromSeconds(-30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(59.9),
            TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(23.99), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(6.99), TimeSpan.FromDays(7) };
        for (var i = 0; i < 2000; i++) ages.Add(TimeSpan.FromSeconds(random.NextDouble() * 9 * 24 * 3600));

        foreach (var age in ages)
        {
            var now = utc + age;
            var label = RelativeTime.Describe(utc, now);
            var next = RelativeTime.NextChange(utc, now);
            Assert.True(next > now, $"age {age}: next change {next:O} is not after now");
            if (next == DateTime.MaxValue)
            {
                Assert.Equal(label, RelativeTime.Describe(utc, now.AddYears(5)));
                continue;
            }
            Assert.Equal(label, RelativeTime.Describe(utc, next.AddTicks(-1)));
            Assert.NotEqual(label, RelativeTime.Describe(utc, next));
        }
    }
}
