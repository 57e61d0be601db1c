using HsctJournals.Domain.Web;

namespace HsctJournals.Domain.Tests.Web;

public class SameOriginRuleTests
{
    private static readonly string[] Own = ["https://journals.example.org", "http://127.0.0.1:5000"];

    [Theory]
    [InlineData("same-origin", null)]
    [InlineData("same-origin", "https://evil.example")] // the fetch metadata header wins: browsers set it themselves
    [InlineData("none", null)]
    [InlineData(null, "https://journals.example.org")]
    [InlineData(null, "http://127.0.0.1:5000/")]
    [InlineData(null, "HTTPS://JOURNALS.EXAMPLE.ORG")]
    [InlineData(null, null)] // not a browser: nobody else's browser is being used
    public void A_form_from_our_own_pages_or_from_no_browser_is_allowed(string? secFetchSite, string? origin) =>
        Assert.True(SameOriginRule.Allows(secFetchSite, origin, Own));

    [Theory]
    [InlineData("cross-site", null)]
    [InlineData("cross-site", "https://journals.example.org")]
    [InlineData("same-site", null)] // a sibling sub-domain may be someone else's
    [InlineData(null, "https://evil.example")]
    [InlineData(null, "https://journals.example.org.evil.example")]
    [InlineData(null, "null")] // sandboxed frames and some redirects
    [InlineData(null, "http://journals.example.org")] // another scheme is another origin
    public void A_form_sent_from_another_site_is_refused(string? secFetchSite, string? origin) =>
        Assert.False(SameOriginRule.Allows(secFetchSite, origin, Own));

    [Fact]
    public void The_origin_of_an_address_is_its_scheme_host_and_port()
    {
        Assert.Equal("https://journals.example.org", SameOriginRule.OriginOf("https://journals.example.org/some/path"));
        Assert.Equal("http://127.0.0.1:5000", SameOriginRule.OriginOf("http://127.0.0.1:5000"));
        Assert.Null(SameOriginRule.OriginOf("/relative"));
    }
}
