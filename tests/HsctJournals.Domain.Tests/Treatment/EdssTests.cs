using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class EdssTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(4.5)]
    [InlineData(6.5)]
    [InlineData(9.5)]
    [InlineData(10)]
    public void Valid_scores_are_accepted(double score)
    {
        var result = Edss.Create((decimal)score);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal((decimal)score, result.Value.Value);
    }

    [Fact]
    public void Half_a_point_does_not_exist_on_the_scale()
    {
        Assert.Equal("EDSS 0.5 does not exist: the scale goes from 0 straight to 1.0.", Edss.Create(0.5m).Error);
    }

    [Theory]
    [InlineData(4.3)]
    [InlineData(2.25)]
    [InlineData(9.9)]
    public void Scores_between_half_steps_are_refused(double score)
    {
        var result = Edss.Create((decimal)score);

        Assert.False(result.IsSuccess);
        Assert.Contains("steps of 0.5", result.Error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10.5)]
    [InlineData(11)]
    public void Scores_outside_0_to_10_are_refused(double score)
    {
        Assert.Contains("outside the scale", Edss.Create((decimal)score).Error);
    }

    [Fact]
    public void There_are_twenty_steps_from_0_to_10()
    {
        Assert.Equal(20, Edss.AllSteps.Count);
        Assert.Equal("0", Edss.AllSteps[0].ToString());
        Assert.Equal("1.0", Edss.AllSteps[1].ToString());
        Assert.Equal("9.5", Edss.AllSteps[^2].ToString());
        Assert.Equal("10", Edss.AllSteps[^1].ToString());
    }

    [Theory]
    [InlineData(0, "Normal neurological examination.")]
    [InlineData(1.5, "Signs on examination, no disability.")]
    [InlineData(3.0, "Mild to moderate disability; fully able to walk.")]
    [InlineData(4.0, "Walks 500 m without aid or rest.")]
    [InlineData(5.5, "Walks 100 m without aid or rest.")]
    [InlineData(6.0, "Needs an aid on one side to walk 100 m.")]
    [InlineData(6.5, "Needs aids on both sides to walk 20 m.")]
    [InlineData(8.5, "Restricted to bed or chair; arms still useful.")]
    [InlineData(9.0, "Helpless in bed.")]
    [InlineData(10, "Death due to MS.")]
    public void Each_step_has_a_short_meaning(double score, string meaning)
    {
        Assert.Equal(meaning, Edss.Create((decimal)score).Value.Description);
    }

    [Fact]
    public void Every_step_has_a_description()
    {
        Assert.All(Edss.AllSteps, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
    }

    [Theory]
    [InlineData("4.5", 4.5)]
    [InlineData("4,5", 4.5)]
    [InlineData(" 6 ", 6)]
    public void Scores_parse_with_a_decimal_point_or_comma(string text, double expected)
    {
        Assert.Equal((decimal)expected, Edss.Parse(text).Value.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("four")]
    [InlineData("-2")]
    [InlineData("0.5")]
    public void Unparseable_or_invalid_text_is_refused_not_thrown(string? text)
    {
        Assert.False(Edss.Parse(text).IsSuccess);
    }

    [Fact]
    public void Scores_compare_and_equal_by_value()
    {
        var low = Edss.Create(3.5m).Value;
        var high = Edss.Create(4.5m).Value;

        Assert.True(low < high);
        Assert.True(high >= low);
        Assert.Equal(Edss.Create(4.50m).Value, high);
    }

    [Fact]
    public void The_default_score_is_0()
    {
        Assert.Equal(Edss.Create(0m).Value, default);
    }
}
