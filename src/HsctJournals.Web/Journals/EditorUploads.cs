namespace HsctJournals.Web.Journals;

/// <summary>
/// Files the post editor's form carries, stored by a feature above Journals while the body streams in (Photos: the
/// photos, each referenced in the text by a Markdown line). That feature also puts its reading of the form on the
/// editor page and supplies the form's upload fields (<see cref="Partial"/>), so Journals knows the slot, never the
/// feature (decision 0046).
/// </summary>
public interface IEditorUploads
{
    /// <summary>The partial with the upload fields, rendered inside the editor's form after the post's own fields.</summary>
    string Partial { get; }

    /// <summary>The script that enhances those fields (a path under wwwroot, "~/…").</summary>
    string Script { get; }

    /// <summary>What this post of the form uploaded; null when it carried no multipart form.</summary>
    EditorUploadOutcome? Read(HttpContext http);
}

/// <summary>One file stored from the form, with the Markdown line that shows it.</summary>
public sealed record EditorUpload(int Id, string FileName, string Markdown, bool AlreadyThere);

/// <summary>What a post of the editor's form uploaded: the files stored, the refusals in words.</summary>
/// <param name="HadFiles">At least one file was chosen (a form with an empty file input sends none).</param>
/// <param name="Malformed">The body was not a readable form; answer 400.</param>
/// <param name="Forged">The antiforgery token was missing or stale: no file was stored.</param>
public sealed record EditorUploadOutcome(bool HadFiles, bool Malformed, bool Forged, IReadOnlyList<EditorUpload> Added, IReadOnlyList<string> Refused)
{
    /// <summary>The Markdown lines of the files stored, in upload order.</summary>
    public IEnumerable<string> References => Added.Select(a => a.Markdown);
}
