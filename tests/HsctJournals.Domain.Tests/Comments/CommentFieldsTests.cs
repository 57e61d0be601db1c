using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class CommentFieldsTests
{
    private static CommentUnderReview Valid() => new() { Text = "Hi", AuthorName = "Jo", AuthorEmail = "jo@example.org" };

    [Fact]
    public void A_complete_form_has_no_errors()
    {
        Assert.Empty(CommentFields.Validate(Valid() with { Website = "https://jo.example" }));
    }

    [Fact]
    public void Every_problem_is_reported_against_its_field()
    {
        var errors = CommentFields.Validate(new CommentUnderReview { Text = " ", AuthorName = "", AuthorEmail = "x", Website = "javascript:alert(1)" });

        Assert.Equal(["Text", "AuthorName", "AuthorEmail", "Website"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("jo@example.org", true)]
    [InlineData(" jo.smith+hsct@mail.example.co.uk ", true)]
    [InlineData("jo@localhost", false)]
    [InlineData("jo@@example.org", false)]
    [InlineData("@example.org", false)]
    [InlineData("jo@", false)]
    [InlineData("jo @example.org", false)]
    [InlineData("jo@example.", false)]
    [InlineData("", false)]
    public void E_mail_addresses_get_a_light_plausibility_check(string email, bool plausible)
    {
        Assert.Equal(plausible, CommentFields.IsPlausibleEmail(email));
    }

    [Fact]
    public void A_name_longer_than_one_hundred_characters_is_refused()
    {
        Assert.Single(CommentFields.Validate(Valid() with { AuthorName = new string('a', 101) }));
    }
}
