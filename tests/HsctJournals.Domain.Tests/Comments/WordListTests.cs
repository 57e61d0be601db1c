using HsctJournals.Domain.Comments;

namespace HsctJournals.Domain.Tests.Comments;

public class WordListTests
{
    [Theory]
    [InlineData("Visit my CASINO now", "casino", true)]
    [InlineData("casino", "casino", true)]
    [InlineData("(casino!)", "casino", true)]
    [InlineData("casinos are fun", "casino", false)]
    [InlineData("the assessment went well", "ass", false)]
    [InlineData("a class act", "ass", false)]
    [InlineData("my_casino", "casino", false)]
    [InlineData("Buy  now", "buy now", false)]
    [InlineData("please BUY NOW.", "buy now", true)]
    [InlineData("see casino.example/x", "casino.example", true)]
    [InlineData("Día de la cura", "DÍA", true)]
    public void Words_match_case_insensitively_and_only_as_whole_words(string text, string word, bool found)
    {
        Assert.Equal(found, WordList.ContainsWord(text, word));
    }

    [Fact]
    public void The_first_listed_word_found_is_returned()
    {
        Assert.Equal("pills", WordList.FindFirst("cheap pills and casino", ["viagra", " pills ", "casino"]));
    }

    [Fact]
    public void Blank_entries_and_empty_text_find_nothing()
    {
        Assert.Null(WordList.FindFirst("anything", ["", "  "]));
        Assert.Null(WordList.FindFirst(null, ["casino"]));
    }
}
