using System.Globalization;

namespace HsctJournals.Domain.Treatment;

/// <summary>Culture-independent number formatting shared by the treatment rules.</summary>
internal static class NumberText
{
    /// <summary>Formats a whole number with the invariant culture.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a measured value without trailing zeros, with fewer decimals for larger values
    /// ("500", "12.9", "4.25", "0.0005").
    /// </summary>
    public static string Measure(decimal value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude >= 10m ? "0.#" : magnitude >= 1m ? "0.##" : "0.####";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th.</summary>
    public static string Ordinal(int number)
    {
        var lastTwo = Math.Abs(number) % 100;
        var suffix = lastTwo is >= 11 and <= 13
            ? "th"
            : (Math.Abs(number) % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return Int(number) + suffix;
    }
}
