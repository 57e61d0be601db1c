using System.Globalization;
using System.Text.RegularExpressions;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>A post in a list. The author appears by display name only.</summary>
/// <param name="DayLabel">"Day +12" when the journal shows treatment day numbers.</param>
/// <param name="Url">The post's page on the website.</param>
public sealed record PostSummaryDto(
    int Id, string Slug, string Title, string Author, PostStatus Status, DateTime? PublishedAt,
    string? Category, string Excerpt, int CommentCount, string? DayLabel, string Url)
{
    public static PostSummaryDto From(PostSummary p) => new(
        p.Id, p.Slug, p.Title, p.AuthorName, p.Status, p.PublishedAt, p.CategoryName, p.Excerpt, p.CommentCount, p.DayLabel, p.Url);
}

/// <summary>A whole post.</summary>
/// <param name="Html">The sanitised HTML that readers see.</param>
/// <param name="Markdown">The source text; only for the journal's writers, since it may hold notes the sanitiser removed from the HTML.</param>
/// <param name="Version">Send back as If-Match (or "version") when updating, to avoid overwriting someone else's change.</param>
public sealed record PostDto(
    int Id, string Slug, string Title, string JournalSlug, string Author, PostStatus Status, DateTime? PublishedAt,
    DateTime CreatedAt, DateTime UpdatedAt, string? Category, IReadOnlyList<string> Tags, string Excerpt, string Html,
    string? Markdown, bool CommentsOpen, int CommentCount, string? DayLabel, int Version, string Url);

/// <summary>
/// A post to write, or changes to one. On create, omitted properties take their defaults (a draft
/// with comments open); on update, omitted properties keep their current values.
/// </summary>
/// <param name="Category">A category name; an existing one is reused, a new one is created. Empty removes it.</param>
/// <param name="Status">Draft, Scheduled or Published.</param>
/// <param name="PublishAt">ISO 8601. Without an offset it is read in your account's time zone, e.g.
/// "2026-12-01T09:00"; with one ("2026-12-01T09:00:00Z") it is an exact instant. Empty clears it.</param>
/// <param name="Version">Optional alternative to the If-Match header.</param>
public sealed partial record PostRequest(
    string? Title, string? Slug, string? Markdown, string? Excerpt, string? Category, IReadOnlyList<string>? Tags,
    PostStatus? Status, string? PublishAt, bool? CommentsOpen, int? Version)
{
    private const string PublishAtHelp =
        "Give the publish time in ISO 8601, e.g. 2026-12-01T09:00 (in your time zone) or 2026-12-01T09:00:00Z.";

    /// <summary>Input for a new post, or null with an error message for PublishAt.</summary>
    public PostInput ToNewInput(TimeZoneInfo zone, out string? publishAtError)
    {
        var input = new PostInput
        {
            Title = Title ?? "", Slug = Slug, Markdown = Markdown ?? "", Excerpt = Excerpt,
            NewCategory = Category, Tags = Tags is null ? null : string.Join(", ", Tags),
            PublishAt = ParsePublishAt(PublishAt, zone, out publishAtError),
        };
        if (Status is { } status) input.Status = status;
        if (CommentsOpen is { } open) input.CommentsOpen = open;
        return input;
    }

    /// <summary>Input for an existing post: what the request leaves out stays as it is.</summary>
    public PostInput ToChangedInput(Post current, TimeZoneInfo zone, DateTime nowUtc, out string? publishAtError)
    {
        publishAtError = null;
        var currentLocal = current.PublishedAt is { } at ? TimeZoneInfo.ConvertTimeFromUtc(at, zone) : (DateTime?)null;
        // A scheduled post whose time has come is live: keeping "Scheduled" would ask for a future date.
        var currentStatus = current.Status == PostStatus.Scheduled && current.IsLiveAt(nowUtc) ? PostStatus.Published : current.Status;
        return new PostInput
        {
            Title = Title ?? current.Title,
            Slug = Slug ?? current.Slug,
            Markdown = Markdown ?? current.Markdown,
            Excerpt = Excerpt ?? (current.ExcerptIsCustom ? current.Excerpt : null),
            NewCategory = Category ?? current.Category?.Name,
            Tags = string.Join(", ", Tags ?? current.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList()),
            Status = Status ?? currentStatus,
            PublishAt = PublishAt is null ? currentLocal : ParsePublishAt(PublishAt, zone, out publishAtError),
            CommentsOpen = CommentsOpen ?? current.CommentsOpen,
        };
    }

    /// <summary>A local time in <paramref name="zone"/>, as the editor expects.</summary>
    private static DateTime? ParsePublishAt(string? text, TimeZoneInfo zone, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (ExplicitOffset().IsMatch(text))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                return TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        }
        else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        error = PublishAtHelp;
        return null;
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
