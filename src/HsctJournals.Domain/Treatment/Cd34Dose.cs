using System.Globalization;

namespace HsctJournals.Domain.Treatment;

/// <summary>
/// A CD34+ cell dose per kg of body weight, in millions (× 10⁶/kg): what a harvest session
/// collected and what was infused on Day 0 (domain/hsct.md §4). One plausibility rule for both.
/// </summary>
/// <remarks>
/// §4: the usual minimum is 2 × 10⁶/kg, 1 × 10⁶/kg is accepted for fresh grafts, an MS series had a
/// median of 6.3. Anything up to 100 is accepted (a large collection split over sessions is still far
/// below it); above that it is a typing or unit mistake. A number in the hundreds of thousands or more
/// is the dose written out in cells per kg: refused with the reading in millions, never divided silently.
/// The decimal comma is read by the caller as for lab values (§6); "5,800" is 5.8 here, because the
/// thousands reading (5 800 × 10⁶/kg) is far outside the range, so the range settles the ambiguity.
/// </remarks>
public static class Cd34Dose
{
    /// <summary>The largest dose accepted, × 10⁶/kg.</summary>
    public const decimal Highest = 100m;

    /// <summary>The UCUM unit of a dose (domain/hsct.md §10).</summary>
    public const string Ucum = "10*6/kg";

    /// <summary>Accepts a dose above 0 and at most <see cref="Highest"/> × 10⁶/kg. <paramref name="what"/> names it in the message ("The CD34+ dose infused").</summary>
    public static ParseResult<decimal> Read(decimal value, string what)
    {
        if (value <= 0m) return ParseResult<decimal>.Failure($"{what} is a number above 0, in millions of cells per kg (e.g. 5.8).");
        if (value <= Highest) return ParseResult<decimal>.Success(value);
        if (value >= 100_000m)
        {
            var millions = value / 1_000_000m;
            return ParseResult<decimal>.Failure(
                $"{what} is entered in millions of cells per kg (× 10⁶/kg). {Whole(value)} cells/kg would be {NumberText.Measure(millions)} × 10⁶/kg: type {NumberText.Measure(millions)}.");
        }
        return ParseResult<decimal>.Failure(
            $"{what} of {NumberText.Measure(value)} × 10⁶/kg is more than any harvest gives (usual doses are 2–10 × 10⁶/kg, at most {NumberText.Measure(Highest)} is accepted). Check the number and that it is per kg.");
    }

    private static string Whole(decimal value) =>
        decimal.Round(value).ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "\u202F", StringComparison.Ordinal);
}
