using System.Globalization;

namespace HsctJournals.Domain.Treatment;

/// <summary>
/// A score on the Expanded Disability Status Scale: 0, then 1.0 to 9.5 in steps of 0.5, then 10
/// (domain/hsct.md §8). There is no 0.5. Create one with <see cref="Create"/> or <see cref="Parse"/>;
/// <c>default(Edss)</c> is 0.
/// </summary>
public readonly record struct Edss : IComparable<Edss>
{
    private Edss(decimal value) => Value = value;

    /// <summary>The score, e.g. 4.5.</summary>
    public decimal Value { get; }

    /// <summary>Every valid score in order: 0, 1.0, 1.5, …, 9.5, 10.</summary>
    public static IReadOnlyList<Edss> AllSteps { get; } =
        [new Edss(0m), .. Enumerable.Range(2, 18).Select(half => new Edss(half / 2m)), new Edss(10m)];

    /// <summary>A short plain-language meaning of the score.</summary>
    // domain/hsct.md §8: step meanings.
    public string Description => Value switch
    {
        0m => "Normal neurological examination.",
        <= 1.5m => "Signs on examination, no disability.",
        <= 3.5m => "Mild to moderate disability; fully able to walk.",
        4.0m => "Walks 500 m without aid or rest.",
        4.5m => "Walks 300 m without aid or rest.",
        5.0m => "Walks 200 m without aid or rest.",
        5.5m => "Walks 100 m without aid or rest.",
        6.0m => "Needs an aid on one side to walk 100 m.",
        6.5m => "Needs aids on both sides to walk 20 m.",
        7.0m => "Walks 5 m at most, even with aid; mainly in a wheelchair.",
        7.5m => "A few steps only; uses a wheelchair.",
        <= 8.5m => "Restricted to bed or chair; arms still useful.",
        <= 9.5m => "Helpless in bed.",
        _ => "Death due to MS.",
    };

    /// <summary>Accepts 0, 1.0–9.5 in steps of 0.5, and 10; refuses anything else with a reason.</summary>
    public static ParseResult<Edss> Create(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (value is < 0m or > 10m)
        {
            return ParseResult<Edss>.Failure($"EDSS goes from 0 to 10; {text} is outside the scale.");
        }

        // domain/hsct.md §8: 0, then 1.0 to 9.5 in 0.5 steps, 10.
        if (value > 0m && value < 1m)
        {
            return ParseResult<Edss>.Failure($"EDSS {text} does not exist: the scale goes from 0 straight to 1.0.");
        }

        if (value * 2m != decimal.Truncate(value * 2m))
        {
            return ParseResult<Edss>.Failure($"EDSS moves in steps of 0.5 (1.0, 1.5, 2.0 …); {text} is not on the scale.");
        }

        return ParseResult<Edss>.Success(new Edss(value));
    }

    /// <summary>Parses "4.5" or "4,5" (a decimal comma is common on European forms).</summary>
    public static ParseResult<Edss> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<Edss>.Failure("The EDSS score is empty.");
        }

        var normalised = text.Trim().Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? Create(value)
            : ParseResult<Edss>.Failure($"\"{text.Trim()}\" is not an EDSS score; use a number such as 3.5.");
    }

    /// <inheritdoc />
    public int CompareTo(Edss other) => Value.CompareTo(other.Value);

    /// <summary>True when <paramref name="left"/> is the lower score.</summary>
    public static bool operator <(Edss left, Edss right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is the higher score.</summary>
    public static bool operator >(Edss left, Edss right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is lower or equal.</summary>
    public static bool operator <=(Edss left, Edss right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is higher or equal.</summary>
    public static bool operator >=(Edss left, Edss right) => left.CompareTo(right) >= 0;

    /// <summary>"0", "1.0" … "9.5", "10" — the way the scale is usually written.</summary>
    public override string ToString() => Value is 0m or 10m
        ? Value.ToString("0", CultureInfo.InvariantCulture)
        : Value.ToString("0.0", CultureInfo.InvariantCulture);
}
