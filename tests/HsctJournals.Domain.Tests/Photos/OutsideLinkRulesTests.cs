using HsctJournals.Domain.Photos;

namespace HsctJournals.Domain.Tests.Photos;

public sealed class SrcsetParsingTests
{
    [Fact]
    public void A_written_srcset_reads_back_as_its_candidates() =>
        Assert.Equal([("/a.jpg", 480), ("/b.jpg", 960)], Srcset.Parse(Srcset.Build([("/b.jpg", 960), ("/a.jpg", 480)])));

    [Fact]
    public void Candidates_without_a_width_descriptor_get_width_zero_and_stray_commas_are_ignored() =>
        Assert.Equal([("/a.jpg", 0), ("/b.jpg", 0), ("/c.jpg", 0)], Srcset.Parse(" /a.jpg ,, /b.jpg 2x, /c.jpg xw "));

    [Fact]
    public void Mapping_changes_only_the_urls_and_keeps_the_descriptors() =>
        Assert.Equal("https://x/a.jpg 480w, https://x/b.jpg 960w, https://x/c.jpg",
            Srcset.Map("/a.jpg 480w,/b.jpg 960w, /c.jpg", url => "https://x" + url));
}

public sealed class SignedLinkExpiryTests
{
    [Fact]
    public void Links_signed_on_one_day_all_expire_at_the_same_midnight_at_least_the_given_days_later()
    {
        var morning = SignedLinkExpiry.For(new DateTimeOffset(2026, 3, 10, 0, 0, 1, TimeSpan.Zero), 30);
        var evening = SignedLinkExpiry.For(new DateTimeOffset(2026, 3, 10, 23, 59, 59, TimeSpan.Zero), 30);
        Assert.Equal(new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.Zero), morning);
        Assert.Equal(morning, evening);
    }

    [Fact]
    public void The_day_is_the_utc_day_whatever_the_offset_of_the_time_given() =>
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero),
            SignedLinkExpiry.For(new DateTimeOffset(2026, 3, 11, 1, 0, 0, TimeSpan.FromHours(3)), 1));

    [Fact]
    public void A_link_works_until_its_expiry_and_not_at_it()
    {
        var expires = new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.Zero);
        Assert.True(SignedLinkExpiry.IsValid(expires, expires.AddTicks(-1)));
        Assert.False(SignedLinkExpiry.IsValid(expires, expires));
    }

    [Fact]
    public void Less_than_a_day_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SignedLinkExpiry.For(DateTimeOffset.UnixEpoch, 0));
}
