using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Photos;

/// <summary>
/// The access rule for photos, built on <see cref="JournalAccess"/> (design invariant 1): a photo
/// may be seen by the journal's writers, and by anyone who may read a post that shows it. Nothing
/// else — not membership alone, not knowing the URL — opens it.
/// </summary>
public sealed class PhotoAccess(JournalsDbContext db, JournalAccess access, JournalContext journals)
{
    /// <summary>Photos <paramref name="reader"/> may see.</summary>
    public IQueryable<Photo> ReadablePhotos(Reader reader)
    {
        var userId = reader.UserId;
        var readablePosts = access.ReadablePosts(reader).Select(p => p.Id);
        return db.Photos.Where(p =>
            (userId != null && p.Journal.Members.Any(m => m.UserId == userId && m.Role >= JournalRoles.LeastToWrite))
            || db.PhotoUsages.Any(u => u.PhotoId == p.Id && readablePosts.Contains(u.PostId)));
    }

    /// <summary>
    /// Whether the bytes with <paramref name="variantHash"/> may go to <paramref name="reader"/>, and
    /// whether they are public (anyone may see them, so shared caches may keep them).
    /// Null when the reader may not: the caller answers exactly as for a missing photo.
    /// </summary>
    public async Task<VariantGrant?> GrantAsync(string variantHash, PhotoFormat format, Reader reader, CancellationToken ct)
    {
        var variant = await db.PhotoVariants.AsNoTracking().Where(v => v.Hash == variantHash && v.Format == format)
            .Select(v => new { v.Length }).FirstOrDefaultAsync(ct);
        if (variant is null) return null;
        var photoIds = db.PhotoVariants.Where(v => v.Hash == variantHash).Select(v => v.PhotoId);
        // The same bytes may be a photo of more than one journal: all of those that show it to anyone.
        var publicIn = await ReadablePhotos(Reader.Anonymous).Where(p => photoIds.Contains(p.Id))
            .Select(p => p.JournalId).Distinct().ToListAsync(ct);
        if (publicIn.Count > 0)
            return new VariantGrant(variant.Length, publicIn);
        if (reader.IsSignedIn && await ReadablePhotos(reader).AnyAsync(p => photoIds.Contains(p.Id), ct))
            return new VariantGrant(variant.Length, []);
        return null;
    }

    /// <summary>A journal's photos if <paramref name="reader"/> writes in it (the Photos page and the API).</summary>
    public async Task<Journal?> WritableJournalAsync(string slug, Reader reader, CancellationToken ct) =>
        await journals.ResolveAsync(slug, reader, ct) && journals.CanWrite ? journals.Journal : null;
}

/// <summary>Permission to send one variant.</summary>
/// <param name="Length">The variant's size in bytes.</param>
/// <param name="PublicIn">The journals in which anyone may see it; empty when only this reader may.</param>
public sealed record VariantGrant(long Length, IReadOnlyList<int> PublicIn)
{
    /// <summary>Anyone may see these bytes, so shared caches may keep them.</summary>
    public bool IsPublic => PublicIn.Count > 0;
}
