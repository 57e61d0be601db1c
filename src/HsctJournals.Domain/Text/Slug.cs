using System.Collections.Frozen;
using System.Text;

namespace HsctJournals.Domain.Text;

/// <summary>
/// URL slugs for journals, posts and categories: lowercase ASCII letters and digits separated by
/// single hyphens, 1 to <see cref="MaxLength"/> characters.
/// </summary>
/// <remarks>
/// <para><see cref="From"/> never fails on odd input: text with nothing sluggable (only emoji,
/// only CJK, only punctuation) becomes <see cref="Fallback"/>, and <see cref="MakeUnique"/> then
/// numbers it like any other clash.</para>
/// <para>Apostrophes are dropped rather than turned into hyphens, so "Mum's visit" becomes
/// "mums-visit", as WordPress does.</para>
/// </remarks>
public static class Slug
{
    /// <summary>The longest slug we produce or accept.</summary>
    public const int MaxLength = 80;

    /// <summary>The slug used when a title has no letters or digits that fold to ASCII.</summary>
    public const string Fallback = "post";

    // Suffixes tried by MakeUnique before it gives up; far beyond any real clash count, small
    // enough that a broken isTaken (always true) cannot hang a request.
    private const int MaxUniqueAttempts = 10_000;

    /// <summary>
    /// Words that are (or may become) fixed route segments next to slugs, so no journal, post or
    /// category may own them. When the web app adds a top-level route, add its word here.
    /// </summary>
    public static IReadOnlySet<string> ReservedWords { get; } = new[]
    {
        "new", "write", "edit", "search", "feed", "rss", "atom", "sitemap", "category", "categories",
        "tag", "tags", "api", "admin", "settings", "posts", "comments", "account", "identity",
        "login", "logout", "register", "journals", "archive", "page", "static", "assets", "lib",
        "css", "js", "health", "error",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Builds a slug from a title: diacritics removed by Unicode normalisation (ß → ss, æ → ae,
    /// ø → o…), lowercased, every run of other characters turned into one hyphen, hyphens trimmed
    /// from the ends, cut to <paramref name="maxLength"/> at a hyphen where possible.
    /// </summary>
    /// <param name="title">Any text; <see langword="null"/> or blank gives <see cref="Fallback"/>.</param>
    /// <param name="maxLength">Between the length of <see cref="Fallback"/> and <see cref="MaxLength"/>.</param>
    /// <returns>A slug for which <see cref="IsValid"/> holds.</returns>
    /// <example><c>Slug.From("Día +12: Engraftment!")</c> returns <c>"dia-12-engraftment"</c>.</example>
    public static string From(string? title, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Fallback.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, MaxLength);

        if (string.IsNullOrWhiteSpace(title))
        {
            return Fallback;
        }

        var folded = AsciiFolding.Fold(title);
        var builder = new StringBuilder(Math.Min(folded.Length, maxLength * 2));
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (c is '\'' or '\u2019' or '\u2018' or '\u02BC')
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                AppendLetter(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                AppendLetter((char)(c + ('a' - 'A')));
            }
            else
            {
                pendingHyphen = builder.Length > 0;
            }

            // Enough material to cut at a word boundary; the rest of a long title is not needed.
            if (builder.Length > maxLength)
            {
                break;
            }
        }

        var slug = Cut(builder.ToString(), maxLength);
        return slug.Length == 0 ? Fallback : slug;

        void AppendLetter(char letter)
        {
            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }

            builder.Append(letter);
        }
    }

    /// <summary>
    /// True when <paramref name="slug"/> is 1 to <see cref="MaxLength"/> characters of a-z and
    /// 0-9 in groups joined by single hyphens (no leading, trailing or doubled hyphen).
    /// </summary>
    public static bool IsValid(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < slug.Length; i++)
        {
            var c = slug[i];
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                continue;
            }

            var hyphenBetweenLetters = c == '-' && i > 0 && i < slug.Length - 1 && slug[i - 1] != '-';
            if (!hyphenBetweenLetters)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="slug"/> is one of <see cref="ReservedWords"/> (case-insensitive).</summary>
    public static bool IsReserved(string? slug) =>
        !string.IsNullOrEmpty(slug) && ReservedWords.Contains(slug.ToLowerInvariant());

    /// <summary>
    /// Returns <paramref name="baseSlug"/> if it is free, otherwise the first free of
    /// "slug-2", "slug-3"…; reserved words count as taken, so "new" becomes "new-2". The stem is
    /// shortened when needed so the result stays within <see cref="MaxLength"/>.
    /// </summary>
    /// <param name="baseSlug">A valid slug, usually from <see cref="From"/>.</param>
    /// <param name="isTaken">Whether a candidate is already used (in the same journal, say).</param>
    /// <exception cref="ArgumentException"><paramref name="baseSlug"/> is not a valid slug.</exception>
    /// <exception cref="InvalidOperationException">No free slug within 10,000 attempts.</exception>
    public static string MakeUnique(string baseSlug, Func<string, bool> isTaken)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        if (!IsValid(baseSlug))
        {
            throw new ArgumentException($"'{baseSlug}' is not a valid slug.", nameof(baseSlug));
        }

        if (IsFree(baseSlug))
        {
            return baseSlug;
        }

        for (var n = 2; n < MaxUniqueAttempts + 2; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stem = baseSlug.Length + suffix.Length <= MaxLength
                ? baseSlug
                : baseSlug[..(MaxLength - suffix.Length)].TrimEnd('-');
            var candidate = stem + suffix;
            if (IsFree(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No free slug found for '{baseSlug}'.");

        bool IsFree(string candidate) => !IsReserved(candidate) && !isTaken(candidate);
    }

    private static string Cut(string slug, int maxLength)
    {
        slug = slug.Trim('-');
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        // Prefer ending on a whole word when that keeps at least half the room.
        var lastHyphen = slug.LastIndexOf('-', maxLength);
        var cut = lastHyphen >= maxLength / 2 ? slug[..lastHyphen] : slug[..maxLength];
        return cut.TrimEnd('-');
    }
}
