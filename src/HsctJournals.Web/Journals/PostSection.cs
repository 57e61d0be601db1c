using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Journals;

/// <summary>
/// A part of a post's page that a feature above Journals supplies (Comments: the thread and its form), registered
/// as a scoped service and rendered by the post page after the post, in <see cref="Order"/>. A section with a form
/// posts it back to the post's own address with <c>?handler=</c><see cref="Handler"/>, so a problem shows the whole
/// page again with what was typed; the page hands that post to the section. Journals knows the slot, never the feature
/// (decision 0046), as with <see cref="JournalAside"/> and <see cref="IJournalLinkSource"/>.
/// </summary>
public interface IPostSection
{
    int Order { get; }

    /// <summary>The page handler the section's form posts to, or null when it has no form.</summary>
    string? Handler { get; }

    /// <summary>
    /// What the section shows under <paramref name="post"/> (already loaded through the access rule, as the page shows
    /// it: <see cref="PostPageModel.Post"/> says which columns) for the page's
    /// reader. <paramref name="posted"/> is what the section's own form post kept to show again (<see cref="PostSectionAnswer.ShowAgain"/>), else null.
    /// </summary>
    Task<PostSectionView> LoadAsync(PostPageModel page, Post post, object? posted, CancellationToken ct);

    /// <summary>The section's form post to the post <paramref name="postSlug"/> of the page's journal.</summary>
    Task<PostSectionAnswer> PostAsync(PostPageModel page, string postSlug, CancellationToken ct);
}

/// <summary>A section as the page renders it: a partial with its model, and the script it needs (a path under wwwroot, "~/…").</summary>
public sealed record PostSectionView(string Partial, object Model, string? Script = null);

/// <summary>How a section's form post ends: a result of its own (a redirect, 404), or the page shown again.</summary>
public sealed record PostSectionAnswer(IActionResult? Result, object? Posted)
{
    public static PostSectionAnswer Done(IActionResult result) => new(result, null);

    /// <summary>The whole page again; <paramref name="posted"/> comes back to the section's <see cref="IPostSection.LoadAsync"/>.</summary>
    public static PostSectionAnswer ShowAgain(object posted) => new(null, posted);
}
