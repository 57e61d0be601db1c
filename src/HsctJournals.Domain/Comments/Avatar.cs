using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using HsctJournals.Domain.Text;

namespace HsctJournals.Domain.Comments;

/// <summary>
/// Locally generated avatars, so no commenter's e-mail hash is ever sent to a third party (as
/// Gravatar would need): initials from the display name on a colour derived from an HMAC-SHA256
/// of the e-mail address under a server-side key.
/// </summary>
/// <remarks>
/// <para>The key makes the colour and <see cref="AvatarImage.Id"/> useless for guessing addresses
/// (an unkeyed hash of an e-mail address is easily reversed with a list of addresses). Keep it
/// secret and stable: changing it changes every avatar's colour.</para>
/// <para>Colour: hue, saturation and lightness come from the hash; the lightness is then lowered in
/// small steps until white text reaches <see cref="MinimumContrast"/> against it (WCAG 2.x
/// relative luminance, contrast measured on the rounded 8-bit colour actually emitted).</para>
/// </remarks>
public static class Avatar
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>The contrast white initials must have on the background (WCAG 2.x AA, normal text).</summary>
    public const double MinimumContrast = 4.5;

    /// <summary>The default rendered size in CSS pixels.</summary>
    public const int DefaultSize = 48;

    private const double LightnessStep = 0.02;

    /// <summary>Makes the avatar for a commenter.</summary>
    /// <param name="key">Secret key of at least <see cref="MinimumKeyLength"/> bytes.</param>
    /// <param name="email">The commenter's address; trimmed and lowercased before hashing, never output.</param>
    /// <param name="displayName">The public name the initials are taken from.</param>
    /// <param name="size">Width and height in CSS pixels, 16 to 512.</param>
    /// <exception cref="ArgumentException">The key is missing or too short.</exception>
    public static AvatarImage Create(byte[] key, string? email, string? displayName, int size = DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The avatar key must be at least {MinimumKeyLength} bytes.", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 512);

        var normalisedEmail = (email ?? string.Empty).Trim().ToLowerInvariant();
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalisedEmail));
        var id = Convert.ToHexStringLower(hash, 0, 16);
        var initials = Initials(displayName);
        var background = BackgroundFor(hash);
        return new AvatarImage(id, initials, background, Svg(initials, background, size));
    }

    /// <summary>
    /// The first letter or digit of the first word and, when there are several words, of the last
    /// one, uppercased: "Marta López" → "ML", "jo" → "J", "李 小龙" → "李小". "?" when there is none.
    /// </summary>
    public static string Initials(string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return "?";
        }

        var words = UnicodeText.Normalize(displayName, NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(FirstLetterOrDigit)
            .Where(r => r is not null)
            .Select(r => r!.Value)
            .ToList();

        return words.Count switch
        {
            0 => "?",
            1 => words[0].ToString(),
            _ => words[0].ToString() + words[^1],
        };

        static Rune? FirstLetterOrDigit(string word)
        {
            foreach (var rune in word.EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(rune))
                {
                    return Rune.ToUpperInvariant(rune);
                }
            }

            return null;
        }
    }

    /// <summary>The WCAG contrast ratio between two colours given as "#rrggbb".</summary>
    public static double ContrastRatio(string colourA, string colourB)
    {
        var a = RelativeLuminance(Parse(colourA));
        var b = RelativeLuminance(Parse(colourB));
        var (lighter, darker) = a > b ? (a, b) : (b, a);
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static string BackgroundFor(byte[] hash)
    {
        var hue = ((hash[0] << 8) | hash[1]) % 360;
        var saturation = 0.45 + hash[2] / 255.0 * 0.30;
        var lightness = 0.30 + hash[3] / 255.0 * 0.25;
        while (true)
        {
            var rgb = FromHsl(hue, saturation, lightness);
            if (1.05 / (RelativeLuminance(rgb) + 0.05) >= MinimumContrast || lightness <= 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"#{rgb.R:x2}{rgb.G:x2}{rgb.B:x2}");
            }

            lightness = Math.Max(0, lightness - LightnessStep);
        }
    }

    // Written to be inlined in HTML, once per comment on a page (200 times on a long thread), so it carries only what
    // it needs to look right without the stylesheet: no xmlns (the HTML parser puts <svg> in its namespace) and the
    // initials' font family and weight left to site.css. The baseline sits 0.35 em below the middle, which centres
    // capitals vertically.
    private static string Svg(string initials, string background, int size)
    {
        var fontSize = initials.EnumerateRunes().Count() > 1 ? 26 : 30;
        var baseline = 32 + 0.35 * fontSize;
        return string.Create(CultureInfo.InvariantCulture,
            $"""<svg width="{size}" height="{size}" viewBox="0 0 64 64" aria-hidden="true"><circle cx="32" cy="32" r="32" fill="{background}"/><text x="32" y="{baseline:0.#}" fill="#fff" text-anchor="middle" font-size="{fontSize}">{WebUtility.HtmlEncode(initials)}</text></svg>""");
    }

    private static (byte R, byte G, byte B) FromHsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var sector = hue / 60.0;
        var x = chroma * (1 - Math.Abs(sector % 2 - 1));
        var (r, g, b) = sector switch
        {
            < 1 => (chroma, x, 0.0),
            < 2 => (x, chroma, 0.0),
            < 3 => (0.0, chroma, x),
            < 4 => (0.0, x, chroma),
            < 5 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        var m = lightness - chroma / 2;
        return (ToByte(r + m), ToByte(g + m), ToByte(b + m));

        static byte ToByte(double channel) => (byte)Math.Clamp(Math.Round(channel * 255), 0, 255);
    }

    private static double RelativeLuminance((byte R, byte G, byte B) rgb) =>
        0.2126 * Linear(rgb.R) + 0.7152 * Linear(rgb.G) + 0.0722 * Linear(rgb.B);

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static (byte R, byte G, byte B) Parse(string colour)
    {
        ArgumentNullException.ThrowIfNull(colour);
        if (colour.Length != 7 || colour[0] != '#'
            || !byte.TryParse(colour.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var r)
            || !byte.TryParse(colour.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var g)
            || !byte.TryParse(colour.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
        {
            throw new FormatException($"'{colour}' is not a colour of the form #rrggbb.");
        }

        return (r, g, b);
    }
}
