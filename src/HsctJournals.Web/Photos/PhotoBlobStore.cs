using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Photos;

/// <summary>
/// Content-addressed bytes in the database, written and read a chunk at a time so no request
/// holds a whole original in memory. This is the seam where large installations would put an
/// S3-compatible store instead (docs/decisions/0011-photos-in-the-database.md): callers only
/// ever put, copy out and delete by hash.
/// </summary>
public sealed class PhotoBlobStore(JournalsDbContext db, TimeProvider clock)
{
    /// <summary>Rows of at most 512 KB: display variants fit in one; a 25 MB original takes 50.</summary>
    public const int ChunkSize = 512 * 1024;

    public Task<bool> ExistsAsync(string hash, CancellationToken ct = default) =>
        db.PhotoBlobs.AnyAsync(b => b.Hash == hash, ct);

    /// <summary>
    /// Stores <paramref name="content"/> under <paramref name="hash"/> unless it is already there.
    /// Runs in the caller's transaction; each chunk is saved and forgotten before the next is read.
    /// </summary>
    public async Task PutAsync(string hash, Stream content, CancellationToken ct = default)
    {
        if (await ExistsAsync(hash, ct)) return;
        var blob = new PhotoBlob { Hash = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.PhotoBlobs.Add(blob);
        await db.SaveChangesAsync(ct);
        var buffer = new byte[ChunkSize];
        var index = 0;
        long length = 0;
        while (true)
        {
            var filled = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct);
            if (filled == 0) break;
            var chunk = new PhotoBlobChunk { BlobHash = hash, Index = index++, Data = buffer[..filled] };
            db.PhotoBlobChunks.Add(chunk);
            await db.SaveChangesAsync(ct);
            db.Entry(chunk).State = EntityState.Detached;
            length += filled;
            if (filled < ChunkSize) break;
        }
        blob.Length = length;
        blob.ChunkCount = index;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Writes the blob's bytes to <paramref name="destination"/>, one chunk in memory at a time. False when there is no such blob.</summary>
    public async Task<bool> CopyToAsync(string hash, Stream destination, CancellationToken ct = default)
    {
        var count = await db.PhotoBlobs.Where(b => b.Hash == hash).Select(b => (int?)b.ChunkCount).FirstOrDefaultAsync(ct);
        if (count is null) return false;
        for (var i = 0; i < count; i++)
        {
            var index = i;
            var data = await db.PhotoBlobChunks.AsNoTracking().Where(c => c.BlobHash == hash && c.Index == index).Select(c => c.Data).SingleAsync(ct);
            await destination.WriteAsync(data, ct);
        }
        return true;
    }

    /// <summary>Removes blobs no photo or variant points at any more (after a photo was deleted).</summary>
    public async Task DeleteUnreferencedAsync(IEnumerable<string> hashes, CancellationToken ct = default)
    {
        foreach (var hash in hashes.Distinct())
        {
            var used = await db.Photos.AnyAsync(p => p.OriginalHash == hash, ct) || await db.PhotoVariants.AnyAsync(v => v.Hash == hash, ct);
            if (used) continue;
            await db.PhotoBlobChunks.Where(c => c.BlobHash == hash).ExecuteDeleteAsync(ct);
            await db.PhotoBlobs.Where(b => b.Hash == hash).ExecuteDeleteAsync(ct);
        }
    }
}
