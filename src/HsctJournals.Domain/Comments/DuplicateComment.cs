using System.Text;
using HsctJournals.Domain.Text;

namespace HsctJournals.Domain.Comments;

/// <summary>
/// Spots a comment sent twice (double-click, back-and-resubmit, a bot replaying): the same text,
/// after normalisation, from the same e-mail address on the same post within <see cref="Window"/>.
/// </summary>
public static class DuplicateComment
{
    /// <summary>How far back an identical comment counts as a duplicate.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>
    /// Text reduced for comparison: Unicode-normalised (NFKC), lowercased (invariant), every run of
    /// whitespace one space, trimmed. "Thank you!\r\n" and "  thank   YOU! " are the same.
    /// </summary>
    public static string NormaliseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var normalised = UnicodeText.Normalize(text, NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var c in normalised)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>An e-mail address reduced for comparison: trimmed and lowercased (invariant).</summary>
    public static string NormaliseEmail(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>
    /// True when <paramref name="recent"/> holds a comment on the same post from the same address
    /// with the same normalised text, written less than <see cref="Window"/> before <paramref name="now"/>.
    /// </summary>
    public static bool IsDuplicate(CommentFingerprint candidate, IEnumerable<CommentFingerprint> recent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(recent);
        var text = NormaliseText(candidate.Text);
        var email = NormaliseEmail(candidate.Email);
        var since = now - Window;
        return recent.Any(r =>
            r.PostId == candidate.PostId
            && r.CreatedAt > since
            && string.Equals(NormaliseEmail(r.Email), email, StringComparison.Ordinal)
            && string.Equals(NormaliseText(r.Text), text, StringComparison.Ordinal));
    }
}
