namespace HsctJournals.Domain.Comments;

/// <summary>
/// Field checks for the comment form, with messages the commenter can act on. The web layer shows
/// them beside the fields; <see cref="CommentModeration.Decide"/> rejects on the first one.
/// </summary>
public static class CommentFields
{
    /// <summary>Longest display name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest e-mail address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Longest website address.</summary>
    public const int MaxWebsiteLength = 200;

    /// <summary>Every problem with the submitted fields, empty when all are fine.</summary>
    public static IReadOnlyList<CommentFieldError> Validate(CommentUnderReview input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<CommentFieldError>();

        if (CommentText.Validate(input.Text) is { } textError)
        {
            errors.Add(new(nameof(CommentUnderReview.Text), textError));
        }

        var name = input.AuthorName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(new(nameof(CommentUnderReview.AuthorName), "Please give a name to show with your comment."));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new(nameof(CommentUnderReview.AuthorName), $"Please keep your name to {MaxNameLength} characters."));
        }

        if (!IsPlausibleEmail(input.AuthorEmail))
        {
            errors.Add(new(nameof(CommentUnderReview.AuthorEmail),
                "Please give a valid e-mail address. It is never shown; it is used only to tell you about replies."));
        }

        if (!string.IsNullOrWhiteSpace(input.Website) && !IsWebsite(input.Website.Trim()))
        {
            errors.Add(new(nameof(CommentUnderReview.Website),
                "A website should be a full address starting with https:// or http://, or left empty."));
        }

        return errors;
    }

    /// <summary>A light check: one "@", something on both sides, a dot in the domain, no spaces. Delivery is the real test.</summary>
    public static bool IsPlausibleEmail(string? email)
    {
        var value = email?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > MaxEmailLength || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }

        var domain = value[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    private static bool IsWebsite(string website) =>
        website.Length <= MaxWebsiteLength
        && Uri.TryCreate(website, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
