using HsctJournals.Web.Accounts;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Renders the embed shortcodes in a post (<see cref="HsctJournals.Domain.Text.EmbedShortcodes"/>) for one reader.
/// Journals shows posts; the feature whose data a shortcode shows renders it (Treatment's <c>PostEmbeds</c>), so the
/// post page and editor need not know that feature. Surfaces that are the same for every reader strip the shortcodes.
/// </summary>
public interface IPostEmbeds
{
    /// <summary>
    /// The post HTML as <paramref name="reader"/> may see it. With <paramref name="preview"/> (the editor), a shortcode
    /// that shows nothing says why, for the writer only.
    /// </summary>
    /// <param name="postedAtUtc">
    /// When the post was published: a chart shows the counts as they stood at the end of that day on the owner's
    /// calendar unless the shortcode says <c>latest</c>. Null (a draft) shows the latest.
    /// </param>
    Task<string> ForReaderAsync(string html, Journal journal, Reader reader, bool preview = false, DateTime? postedAtUtc = null, CancellationToken ct = default);
}
