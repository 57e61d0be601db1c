using HsctJournals.Domain.Accounts;

namespace HsctJournals.Domain.Tests.Accounts;

public sealed class PasskeyNameTests
{
    [Theory]
    [InlineData("  Work   laptop ", "Work laptop")]
    [InlineData("Phone\tin\nbag", "Phone in bag")]
    [InlineData("", PasskeyName.Default)]
    [InlineData("   ", PasskeyName.Default)]
    [InlineData(null, PasskeyName.Default)]
    public void A_name_is_one_trimmed_line_and_empty_means_the_default(string? typed, string expected)
    {
        Assert.Equal(expected, PasskeyName.Clean(typed, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused_with_a_reason()
    {
        Assert.Equal("Work laptop", PasskeyName.Clean(" Work laptop" + new string(' ', 100), out _));
        Assert.Null(PasskeyName.Clean(new string('x', PasskeyName.MaxLength + 1), out var error));
        Assert.Equal($"Use at most {PasskeyName.MaxLength} characters.", error);
        Assert.NotNull(PasskeyName.Clean(new string('x', PasskeyName.MaxLength), out _));
    }
}
