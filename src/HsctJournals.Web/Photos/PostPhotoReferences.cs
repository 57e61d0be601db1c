using HsctJournals.Domain.Photos;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Photos;

/// <summary>
/// The photos of a post (<see cref="IPostReferences"/>): <c>![alt](photo:42)</c> references rendered by
/// <see cref="PostPhotos"/>, a reference to a photo the journal does not have refused on save, and the photos a saved
/// post shows recorded as <see cref="PhotoUsage"/> rows.
/// </summary>
public sealed class PostPhotoReferences(JournalsDbContext db, PostPhotos photos) : IPostReferences
{
    public async Task<string> PreviewAsync(int journalId, string safeHtml, CancellationToken ct = default) =>
        (await photos.RenderAsync(journalId, safeHtml, ct)).Html;

    public async Task<string?> ProblemAsync(int journalId, string safeHtml, CancellationToken ct = default) =>
        await photos.UnknownIdsAsync(journalId, safeHtml, ct) switch
        {
            { Count: 0 } => null,
            [var one] => $"{PhotoReference.For(one)} is not a photo of this journal (it may have been deleted). Pick it again from the journal's photos, or remove the reference.",
            var unknown => $"{string.Join(", ", unknown.Select(PhotoReference.For))} are not photos of this journal (they may have been deleted). Pick them again from the journal's photos, or remove the references.",
        };

    public async Task<string> RenderAsync(Post post, string safeHtml, CancellationToken ct = default)
    {
        var rendered = await photos.RenderAsync(post.JournalId, safeHtml, ct);
        await SyncUsagesAsync(post, rendered.PhotoIds, ct);
        return rendered.Html;
    }

    public string? FirstImagePath(string html) => PostPhotos.FirstImagePath(html);

    /// <summary>The photos the post shows decide who may see them (<see cref="PhotoAccess"/>), so they change in the post's own save.</summary>
    private async Task SyncUsagesAsync(Post post, IReadOnlyList<int> photoIds, CancellationToken ct)
    {
        var current = post.Id == 0 ? [] : await db.PhotoUsages.Where(u => u.PostId == post.Id).ToListAsync(ct);
        db.PhotoUsages.RemoveRange(current.Where(u => !photoIds.Contains(u.PhotoId)));
        foreach (var id in photoIds.Where(id => current.All(u => u.PhotoId != id)))
            db.PhotoUsages.Add(new PhotoUsage { Post = post, PhotoId = id });
    }
}
