namespace HsctJournals.Web.Journals;

/// <summary>
/// Resolves references in a post's sanitised HTML to things of its journal that a feature above Journals keeps
/// (Photos: <c>![alt](photo:42)</c> becomes a responsive picture), and records what a saved post uses. The editor
/// and the post page call it; Journals knows the slot, never the feature (decision 0046), as with <see cref="IPostEmbeds"/>.
/// </summary>
public interface IPostReferences
{
    /// <summary>The HTML with its references resolved, for the editor's preview: nothing is recorded.</summary>
    Task<string> PreviewAsync(int journalId, string safeHtml, CancellationToken ct = default);

    /// <summary>Why the text cannot be saved as it is (it refers to something the journal does not have), in the writer's words; null when it can.</summary>
    Task<string?> ProblemAsync(int journalId, string safeHtml, CancellationToken ct = default);

    /// <summary>The HTML to store for <paramref name="post"/>; what it uses is recorded in the caller's unit of work, saved with the post.</summary>
    Task<string> RenderAsync(Post post, string safeHtml, CancellationToken ct = default);

    /// <summary>The first image the stored HTML shows, for link previews (og:image); null when it shows none.</summary>
    string? FirstImagePath(string html);
}
