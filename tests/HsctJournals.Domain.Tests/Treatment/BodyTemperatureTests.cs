using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class BodyTemperatureTests
{
    [Fact]
    public void A_hundred_point_four_fahrenheit_is_stored_as_thirty_eight_celsius_with_the_original()
    {
        var t = BodyTemperature.Read(100.4m, TemperatureScale.Fahrenheit).Value;

        Assert.Equal(38.0m, t.Celsius);
        Assert.Equal(100.4m, t.Entered);
        Assert.Equal("100.4 °F", t.EnteredText);
    }

    [Fact]
    public void A_hundred_and_one_fahrenheit_keeps_two_decimals_so_it_stays_above_38_3()
    {
        Assert.Equal(38.33m, BodyTemperature.Read(101m, TemperatureScale.Fahrenheit).Value.Celsius);
    }

    [Fact]
    public void Celsius_is_stored_as_typed()
    {
        var t = BodyTemperature.Read(38.4m, TemperatureScale.Celsius).Value;

        Assert.Equal(38.4m, t.Celsius);
        Assert.Equal("38.4 °C", t.EnteredText);
    }

    [Theory]
    [InlineData(89.9)]
    [InlineData(90)]
    [InlineData(115)]
    [InlineData(120)]
    public void Fahrenheit_below_90_or_above_115_is_refused_with_the_range(double value)
    {
        var result = BodyTemperature.Read((decimal)value, TemperatureScale.Fahrenheit);

        Assert.False(result.IsSuccess);
        Assert.Contains("between 93.2 and 109.4 °F", result.Error);
    }

    [Fact]
    public void A_fahrenheit_number_typed_as_celsius_is_refused_with_the_reading_it_probably_meant()
    {
        var result = BodyTemperature.Read(100.4m, TemperatureScale.Celsius);

        Assert.Equal("100.4 °C is not a body temperature. Did you mean 100.4 °F (38 °C)? Choose °F then.", result.Error);
    }

    [Fact]
    public void A_celsius_number_typed_as_fahrenheit_is_refused_with_the_reading_it_probably_meant()
    {
        var result = BodyTemperature.Read(38.5m, TemperatureScale.Fahrenheit);

        Assert.Equal("38.5 °F is not a body temperature. Did you mean 38.5 °C? Choose °C then.", result.Error);
    }
}
