using HsctJournals.Domain.Text;

namespace HsctJournals.Domain.Tests.Text;

public class SlugTests
{
    [Theory]
    [InlineData("Día +12: Engraftment!", "dia-12-engraftment")]
    [InlineData("Straße nach Hause", "strasse-nach-hause")]
    [InlineData("Æblegrød og smørrebrød", "aeblegrod-og-smorrebrod")]
    [InlineData("Łódź, Kraków — Þórður", "lodz-krakow-thordur")]
    [InlineData("Crème brûlée & Œuvres", "creme-brulee-oeuvres")]
    [InlineData("ﬁrst ﬂoor", "first-floor")]
    public void A_title_with_diacritics_becomes_lowercase_ascii(string title, string expected)
    {
        Assert.Equal(expected, Slug.From(title));
    }

    [Fact]
    public void Runs_of_separators_collapse_into_one_hyphen_and_ends_are_trimmed()
    {
        Assert.Equal("day-0-stem-cells-back", Slug.From("  --Day 0 ... stem cells   back!!!--  "));
    }

    [Fact]
    public void Apostrophes_are_dropped_instead_of_splitting_the_word()
    {
        Assert.Equal("mums-visit-and-dads-jokes", Slug.From("Mum's visit and Dad’s jokes"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("🌻🌻🌻")]
    [InlineData("移植の日")]
    [InlineData("!!! ??? ...")]
    public void A_title_without_ascii_letters_falls_back_to_post(string? title)
    {
        Assert.Equal("post", Slug.From(title));
    }

    [Fact]
    public void A_long_title_is_cut_at_a_word_boundary_within_the_limit()
    {
        var slug = Slug.From("Neutrophils are back and the platelets are slowly following along", 30);

        Assert.Equal("neutrophils-are-back-and-the", slug);
        Assert.True(slug.Length <= 30);
    }

    [Fact]
    public void A_single_very_long_word_is_cut_hard_at_the_limit()
    {
        var slug = Slug.From(new string('a', 200));

        Assert.Equal(Slug.MaxLength, slug.Length);
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void The_maximum_length_must_leave_room_for_the_fallback_and_stay_within_the_limit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Slug.From("x", 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Slug.From("x", 81));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("day-12", true)]
    [InlineData("2024-05-01-mri", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("-day", false)]
    [InlineData("day-", false)]
    [InlineData("day--12", false)]
    [InlineData("Day-12", false)]
    [InlineData("día", false)]
    [InlineData("day_12", false)]
    [InlineData("day 12", false)]
    public void A_slug_is_valid_only_as_lowercase_ascii_words_joined_by_single_hyphens(string? slug, bool valid)
    {
        Assert.Equal(valid, Slug.IsValid(slug));
    }

    [Fact]
    public void A_slug_longer_than_eighty_characters_is_not_valid()
    {
        Assert.True(Slug.IsValid(new string('a', 80)));
        Assert.False(Slug.IsValid(new string('a', 81)));
    }

    [Fact]
    public void Every_slug_made_from_odd_titles_is_valid()
    {
        string[] titles = ["-", "a-", "--a--b--", "Ω", "x\u0301y", "\t\n", "A".PadRight(300, 'é'), "1 2 3 4"];
        foreach (var title in titles)
        {
            Assert.True(Slug.IsValid(Slug.From(title)), title);
        }
    }

    [Fact]
    public void A_free_slug_is_kept_as_it_is()
    {
        Assert.Equal("day-12", Slug.MakeUnique("day-12", _ => false));
    }

    [Fact]
    public void A_taken_slug_gets_the_first_free_number_starting_at_two()
    {
        var taken = new HashSet<string> { "day-12", "day-12-2", "day-12-3" };

        Assert.Equal("day-12-4", Slug.MakeUnique("day-12", taken.Contains));
    }

    [Fact]
    public void A_numbered_slug_stays_within_the_maximum_length()
    {
        var longSlug = new string('a', 40) + "-" + new string('b', 39);
        var taken = new HashSet<string> { longSlug };

        var unique = Slug.MakeUnique(longSlug, taken.Contains);

        Assert.EndsWith("-2", unique);
        Assert.True(unique.Length <= Slug.MaxLength);
        Assert.True(Slug.IsValid(unique));
    }

    [Theory]
    [InlineData("new")]
    [InlineData("write")]
    [InlineData("search")]
    [InlineData("feed")]
    [InlineData("category")]
    [InlineData("tag")]
    [InlineData("api")]
    [InlineData("admin")]
    [InlineData("settings")]
    [InlineData("posts")]
    [InlineData("account")]
    [InlineData("identity")]
    [InlineData("Admin")]
    public void Route_words_are_reserved(string word)
    {
        Assert.True(Slug.IsReserved(word));
    }

    [Fact]
    public void Ordinary_words_are_not_reserved()
    {
        Assert.False(Slug.IsReserved("engraftment"));
        Assert.False(Slug.IsReserved("new-beginnings"));
        Assert.False(Slug.IsReserved(""));
    }

    [Fact]
    public void A_reserved_word_is_numbered_as_if_it_were_taken()
    {
        Assert.Equal("new-2", Slug.MakeUnique("new", _ => false));
    }

    [Fact]
    public void Making_an_invalid_slug_unique_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Slug.MakeUnique("Not A Slug", _ => false));
    }

    [Fact]
    public void A_lookup_that_says_everything_is_taken_cannot_loop_forever()
    {
        Assert.Throws<InvalidOperationException>(() => Slug.MakeUnique("day", _ => true));
    }
}
