using HsctJournals.Web.Accounts;

namespace HsctJournals.Web.Tests.Accounts;

public class MailTextTests
{
    [Fact]
    public void A_link_keeps_its_words_and_gains_its_address()
    {
        var text = MailText.FromHtml("Please confirm your account by <a href='https://journals.example.org/Identity/Account/ConfirmEmail?userId=1&amp;code=a%2Bb'>clicking here</a>.");
        Assert.Equal("Please confirm your account by clicking here (https://journals.example.org/Identity/Account/ConfirmEmail?userId=1&code=a%2Bb).", text);
    }

    [Fact]
    public void A_link_whose_words_are_its_address_is_written_once_and_markup_goes()
    {
        var text = MailText.FromHtml("<p>Reset:</p>\n<p><a href=\"https://x.example/r\">https://x.example/r</a></p><script>alert(1)</script>");
        Assert.StartsWith("Reset: https://x.example/r", text);
        Assert.DoesNotContain("<", text);
        Assert.DoesNotContain("alert", text);
    }
}
