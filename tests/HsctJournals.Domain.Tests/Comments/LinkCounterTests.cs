using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class LinkCounterTests
{
    [Theory]
    [InlineData("no links here", 0)]
    [InlineData("https://a.example and http://b.example", 2)]
    [InlineData("https://www.a.example counts once", 1)]
    [InlineData("www.a.example and WWW.B.EXAMPLE", 2)]
    [InlineData("HTTPS://A.EXAMPLE", 1)]
    [InlineData("<a href=\"http://x.example\">x</a>", 1)]
    [InlineData("me@www.example is an e-mail, not a link", 0)]
    [InlineData("awww.cute is not a link", 0)]
    [InlineData(null, 0)]
    public void Links_are_counted_by_their_http_or_www_start(string? text, int expected)
    {
        Assert.Equal(expected, LinkCounter.Count(text));
    }
}
