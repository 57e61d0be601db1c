using System.Globalization;
using System.Text;

namespace HsctJournals.Domain.Text;

/// <summary>
/// Folds Latin text to plain ASCII: diacritics are removed through Unicode decomposition
/// (NFKD, then combining marks dropped) and the letters that do not decompose (ß, æ, ø, ł, þ…)
/// are spelled out by a small table.
/// </summary>
internal static class AsciiFolding
{
    // Letters without a canonical decomposition into base letter + mark.
    private static readonly Dictionary<char, string> Spelled = new()
    {
        ['ß'] = "ss", ['ẞ'] = "SS",
        ['æ'] = "ae", ['Æ'] = "AE",
        ['œ'] = "oe", ['Œ'] = "OE",
        ['ø'] = "o", ['Ø'] = "O",
        ['ł'] = "l", ['Ł'] = "L",
        ['đ'] = "d", ['Đ'] = "D",
        ['ð'] = "d", ['Ð'] = "D",
        ['þ'] = "th", ['Þ'] = "TH",
        ['ı'] = "i",
        ['ħ'] = "h", ['Ħ'] = "H",
        ['ŧ'] = "t", ['Ŧ'] = "T",
        ['ŋ'] = "ng", ['Ŋ'] = "NG",
        ['ĸ'] = "k",
    };

    /// <summary>Returns <paramref name="text"/> with every foldable letter reduced to ASCII;
    /// characters that cannot be folded are kept as they are for the caller to judge.</summary>
    public static string Fold(string text)
    {
        var decomposed = UnicodeText.Normalize(text, NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (Spelled.TryGetValue(c, out var spelled))
            {
                builder.Append(spelled);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
