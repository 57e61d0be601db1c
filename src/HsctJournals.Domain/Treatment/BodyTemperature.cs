namespace HsctJournals.Domain.Treatment;

/// <summary>The scale a temperature was read in.</summary>
public enum TemperatureScale
{
    /// <summary>Degrees Celsius, the stored scale.</summary>
    Celsius = 0,

    /// <summary>Degrees Fahrenheit, accepted for fevers (domain/hsct.md §6).</summary>
    Fahrenheit = 1,
}

/// <summary>
/// A body temperature as stored (°C) and as entered. domain/hsct.md §6: temperatures may come in
/// °F (100.4 °F = 38.0 °C); store °C and the original.
/// </summary>
/// <param name="Celsius">The temperature in °C, to two decimals (101 °F = 38.33 °C stays above the 38.3 °C of §7).</param>
/// <param name="Entered">The number as typed.</param>
/// <param name="Scale">The scale it was typed in.</param>
public sealed record BodyTemperature(decimal Celsius, decimal Entered, TemperatureScale Scale)
{
    // Temperatures a thermometer shows on a living person; they catch typing and scale mistakes,
    // not fevers (§7's thresholds are 37.5–38.3 °C).
    private const decimal LowestCelsius = 34m;
    private const decimal HighestCelsius = 43m;

    /// <summary>"100.4 °F" or "38.2 °C": what was typed, for display and export.</summary>
    public string EnteredText => $"{NumberText.Measure(Entered)} {Symbol(Scale)}";

    /// <summary>"°C" or "°F".</summary>
    public static string Symbol(TemperatureScale scale) => scale == TemperatureScale.Fahrenheit ? "°F" : "°C";

    /// <summary>
    /// Accepts a temperature between 34 and 43 °C (93.2–109.4 °F). A number that only makes sense
    /// in the other scale is refused with the reading it probably meant, never converted silently.
    /// </summary>
    public static ParseResult<BodyTemperature> Read(decimal value, TemperatureScale scale)
    {
        if (!Enum.IsDefined(scale)) return ParseResult<BodyTemperature>.Failure("Choose °C or °F.");
        var celsius = scale == TemperatureScale.Fahrenheit ? ToCelsius(value) : value;
        if (celsius is >= LowestCelsius and <= HighestCelsius)
        {
            return ParseResult<BodyTemperature>.Success(new BodyTemperature(celsius, value, scale));
        }

        var entered = $"{NumberText.Measure(value)} {Symbol(scale)}";
        if (scale == TemperatureScale.Celsius && ToCelsius(value) is >= LowestCelsius and <= HighestCelsius)
        {
            return ParseResult<BodyTemperature>.Failure(
                $"{entered} is not a body temperature. Did you mean {NumberText.Measure(value)} °F ({NumberText.Measure(ToCelsius(value))} °C)? Choose °F then.");
        }

        if (scale == TemperatureScale.Fahrenheit && value is >= LowestCelsius and <= HighestCelsius)
        {
            return ParseResult<BodyTemperature>.Failure(
                $"{entered} is not a body temperature. Did you mean {NumberText.Measure(value)} °C? Choose °C then.");
        }

        return ParseResult<BodyTemperature>.Failure(scale == TemperatureScale.Fahrenheit
            ? $"{entered} is not a body temperature: it is between 93.2 and 109.4 °F (34–43 °C). Check the number."
            : $"{entered} is not a body temperature: it is between 34 and 43 °C (93.2–109.4 °F). Check the number.");
    }

    /// <summary>(°F − 32) × 5/9, to two decimals.</summary>
    public static decimal ToCelsius(decimal fahrenheit) =>
        Math.Round((fahrenheit - 32m) * 5m / 9m, 2, MidpointRounding.AwayFromZero);
}
