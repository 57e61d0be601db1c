using System.Text;

namespace HsctJournals.Domain.Text;

/// <summary>
/// Text as we store and compare it: without NUL (PostgreSQL refuses it in text, SQLite keeps it,
/// so a site could not move between them), without Unicode noncharacters (U+FDD0–U+FDEF and the
/// last two code points of every plane, e.g. U+FFFE, which make <see cref="string.Normalize()"/>
/// throw) and without unpaired surrogates. One rule, used at the edge for every form, query and
/// JSON string and again by the text rules that normalise.
/// </summary>
public static class UnicodeText
{
    /// <summary>True when <paramref name="text"/> has nothing <see cref="Clean"/> would remove.</summary>
    public static bool IsClean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var length = Unwanted(text, i);
            if (length < 0) return false;
            i += length - 1;
        }
        return true;
    }

    /// <summary><paramref name="text"/> without NUL, noncharacters and unpaired surrogates; the same string when there are none.</summary>
    public static string Clean(string text)
    {
        if (IsClean(text)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var length = Unwanted(text, i);
            if (length < 0) continue;
            builder.Append(text, i, length);
            i += length - 1;
        }
        return builder.ToString();
    }

    /// <summary>Clean, then normalise: never throws on anything a client can send.</summary>
    public static string Normalize(string text, NormalizationForm form) => Clean(text).Normalize(form);

    // The UTF-16 length of the code point at i when it is wanted, -1 when it is not.
    private static int Unwanted(string text, int i)
    {
        var c = text[i];
        if (c == '\0') return -1;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return -1;
            var codePoint = char.ConvertToUtf32(c, text[i + 1]);
            return (codePoint & 0xFFFE) == 0xFFFE ? -1 : 2;
        }
        if (char.IsLowSurrogate(c)) return -1;
        if (c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF') return -1;
        return 1;
    }
}
