using HsctJournals.Domain.Photos;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Photos;

/// <summary>A photo with the posts that show it, for the Photos page and the API.</summary>
public sealed record PhotoListing(Photo Photo, IReadOnlyList<PostLink> Posts);

/// <summary>A post that shows a photo.</summary>
public sealed record PostLink(int Id, string Title, string Slug, PostStatus Status);

/// <summary>A stored original, for export and backup (see <see cref="PhotoLibrary.OriginalsAsync"/>).</summary>
public sealed record PhotoOriginal(int PhotoId, string Hash, string FileName, string ContentType, long Length);

/// <summary>What writers do with a journal's photos once uploaded: list, describe, delete. Form and API share it.</summary>
public sealed class PhotoLibrary(JournalsDbContext db, PostEditor posts, PhotoBlobStore blobs, Caching.PageCacheEviction cache)
{
    public async Task<IReadOnlyList<PhotoListing>> ListAsync(int journalId, CancellationToken ct = default)
    {
        var photos = await db.Photos.AsNoTracking().Include(p => p.Variants).Where(p => p.JournalId == journalId)
            .OrderByDescending(p => p.UploadedAt).ThenByDescending(p => p.Id).ToListAsync(ct);
        var ids = photos.Select(p => p.Id).ToList();
        var usages = await db.PhotoUsages.AsNoTracking().Where(u => ids.Contains(u.PhotoId))
            .Select(u => new { u.PhotoId, Link = new PostLink(u.Post.Id, u.Post.Title, u.Post.Slug, u.Post.Status) }).ToListAsync(ct);
        return photos.Select(p => new PhotoListing(p, usages.Where(u => u.PhotoId == p.Id).Select(u => u.Link).OrderBy(l => l.Title).ToList())).ToList();
    }

    public async Task<PhotoListing?> FindAsync(int journalId, int photoId, CancellationToken ct = default)
    {
        var photo = await db.Photos.AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == photoId && p.JournalId == journalId, ct);
        if (photo is null) return null;
        var links = await db.PhotoUsages.AsNoTracking().Where(u => u.PhotoId == photoId)
            .Select(u => new PostLink(u.Post.Id, u.Post.Title, u.Post.Slug, u.Post.Status)).ToListAsync(ct);
        return new PhotoListing(photo, links.OrderBy(l => l.Title).ToList());
    }

    /// <summary>Changes alt text and caption; posts that show the photo are rendered again in the same save.</summary>
    public async Task<EditResult<Photo>> DescribeAsync(int journalId, int photoId, string? altText, bool decorative, string? caption, CancellationToken ct = default)
    {
        var photo = await db.Photos.Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == photoId && p.JournalId == journalId, ct);
        var errors = new FieldErrors();
        if (photo is null) { errors.Add("Photo", "There is no such photo in this journal."); return errors.Fail<Photo>(); }
        if (PhotoText.AltTextProblem(altText, decorative) is { } altProblem) errors.Add("AltText", altProblem);
        if (PhotoText.CaptionProblem(caption) is { } captionProblem) errors.Add("Caption", captionProblem);
        if (errors.Any) return errors.Fail<Photo>();
        photo.AltText = altText?.Trim() ?? "";
        photo.IsDecorative = decorative && photo.AltText.Length == 0;
        photo.Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim();
        await db.SaveChangesAsync(ct);
        await RerenderPostsAsync(photoId, ct);
        return EditResult<Photo>.Ok(photo);
    }

    /// <summary>
    /// Deletes a photo, its variants and (when nothing else uses the same bytes) its blobs. Posts
    /// that showed it are rendered again without it; their Markdown keeps the reference, and the
    /// editor says it points nowhere when the post is next saved.
    /// </summary>
    public async Task<bool> DeleteAsync(int journalId, int photoId, CancellationToken ct = default)
    {
        var photo = await db.Photos.Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == photoId && p.JournalId == journalId, ct);
        if (photo is null) return false;
        var postIds = await db.PhotoUsages.Where(u => u.PhotoId == photoId).Select(u => u.PostId).ToListAsync(ct);
        var hashes = photo.Variants.Select(v => v.Hash).Append(photo.OriginalHash).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Photos.Remove(photo);
        await db.SaveChangesAsync(ct);
        foreach (var post in await db.Posts.Where(p => postIds.Contains(p.Id)).ToListAsync(ct))
            await posts.RerenderAsync(post, ct);
        await blobs.DeleteUnreferencedAsync(hashes, ct);
        await transaction.CommitAsync(ct);
        // The photo itself may sit in the shared cache (PhotoEndpoints) even when no post shows it: evict the
        // journal's pages here too (the re-rendered posts' evictions ran at the commit, with this one).
        await cache.JournalChangedAsync(journalId, ct);
        return true;
    }

    /// <summary>Bytes stored for the journal's photos, for the owner and the quota.</summary>
    public Task<long> UsedBytesAsync(int journalId, CancellationToken ct = default) => PhotoQuota.UsedBytesAsync(db, journalId, ct);

    /// <summary>
    /// The journal's originals (with metadata, as uploaded) for export and backup; copy each one's
    /// bytes out with <see cref="PhotoBlobStore.CopyToAsync"/>. Only for the journal's owner.
    /// </summary>
    public async Task<IReadOnlyList<PhotoOriginal>> OriginalsAsync(int journalId, CancellationToken ct = default) =>
        await db.Photos.AsNoTracking().Where(p => p.JournalId == journalId).OrderBy(p => p.Id)
            .Select(p => new PhotoOriginal(p.Id, p.OriginalHash, p.FileName, p.OriginalContentType, p.OriginalLength)).ToListAsync(ct);

    private async Task RerenderPostsAsync(int photoId, CancellationToken ct)
    {
        var postIds = await db.PhotoUsages.Where(u => u.PhotoId == photoId).Select(u => u.PostId).ToListAsync(ct);
        foreach (var post in await db.Posts.Where(p => postIds.Contains(p.Id)).ToListAsync(ct))
            await posts.RerenderAsync(post, ct);
    }
}
