using System.IO.Compression;
using HsctJournals.Domain.Portability;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Turns the images of a journal's imported WordPress posts into photos of the journal, from a zip
/// of the old site's <c>wp-content/uploads</c> folder. Each image address finds its file
/// (<see cref="UploadsFolder"/>); each file found goes through the one photo pipeline
/// (<see cref="PhotoUpload"/>: metadata stripped, variants made, limits and quota applied; the same
/// bytes twice are one photo); then the posts are rewritten to show the photos, all of them in one
/// transaction. Running it again finds nothing left to do. Only entries the posts need are unpacked,
/// and each through the photo size limit, so a lying directory cannot make it unpack more.
/// </summary>
public sealed class UploadsImporter(JournalsDbContext db, PhotoUpload photos, PostEditor editor, IOptions<PortabilityOptions> options)
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif" };

    public async Task<ImportReport> ImportAsync(int journalId, string importerId, string path, Action<ImportProgress>? progress, CancellationToken ct)
    {
        ZipArchive archive;
        try { archive = ZipFile.OpenRead(path); }
        catch (InvalidDataException) { return Failed("This is not a zip archive (or it is damaged). Zip the wp-content/uploads folder of your old site and upload the .zip file."); }
        using (archive)
        {
            var limits = options.Value;
            if (ArchiveRules.Problem(archive.Entries.Select(e => new ArchiveEntry(e.FullName, e.Length, e.CompressedLength)),
                    limits.MaxArchiveEntries, limits.MaxUnpackedMegabytes * 1024L * 1024L) is { } problem)
                return Failed(problem);

            var files = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in archive.Entries)
                if (UploadsFolder.KeyOf(entry.FullName) is { Length: > 0 } key) files.TryAdd(key, entry);

            var report = new ImportReport { Succeeded = true };
            var journal = await db.Journals.AsNoTracking().SingleAsync(j => j.Id == journalId, ct);
            var postIds = await ImportedPostsWithUploadsAsync(journalId, ct);

            // 1. Which files the posts need, each with the first description a post gives it.
            var wanted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var missing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var postId in postIds)
            {
                var source = await db.Posts.Where(p => p.Id == postId).Select(p => p.Markdown).SingleAsync(ct);
                foreach (var image in UploadsRewrite.References(source))
                {
                    if (FileFor(files, image.Address) is { } key)
                    {
                        if (!wanted.TryGetValue(key, out var alt) || alt.Length == 0) wanted[key] = image.Alt;
                    }
                    else if (missing.Add(image.Address))
                        report.Skip($"image {image.Address}", $"the archive has no file {UploadsFolder.PathOf(image.Address)} (nor its original); it stays a link to the old site.");
                }
            }

            // 2. Each file through the photo pipeline, in its own transaction (as every upload is).
            var photoIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var done = 0;
            var undescribed = 0;
            foreach (var (key, alt) in wanted.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                ct.ThrowIfCancellationRequested();
                var entry = files[key];
                PhotoUploadResult result;
                try
                {
                    await using var content = entry.Open();
                    result = await photos.UploadAsync(new PhotoUploadRequest(journal, importerId, content, Path.GetFileName(key), null,
                        alt.Length > 0 ? alt : null, Decorative: alt.Length == 0, DeclaredLength: entry.Length), ct);
                }
                catch (InvalidDataException)
                {
                    result = PhotoUploadResult.Refused(PhotoProblem.Damaged, $"“{key}” is damaged inside the archive.");
                }
                db.ChangeTracker.Clear();
                if (result.Photo is { } photo)
                {
                    photoIds[key] = photo.Id;
                    if (result.AlreadyThere) report.PhotosAlreadyThere++;
                    else
                    {
                        report.PhotosImported++;
                        if (alt.Length == 0) undescribed++;
                    }
                }
                else report.Skip($"file {key}", $"{result.Message} The image stays a link to the old site.");
                progress?.Invoke(new ImportProgress(++done, wanted.Count, 0, 0));
            }
            if (undescribed > 0)
                report.Warn($"{undescribed} photos had no description (alt text) in the old posts, so they are marked decorative. Describe them on the journal's Photos page so that people who cannot see them know what they show.");

            // 3. The posts, all in one transaction: either every post shows its photos or none does.
            await RewritePostsAsync(postIds, files, photoIds, report, ct);

            foreach (var key in files.Keys.Where(k => ImageExtensions.Contains(Path.GetExtension(k))).Order(StringComparer.Ordinal))
                if (!UploadsFolder.Candidates(key).Any(photoIds.ContainsKey)) report.Unused(key);
            return report;
        }
    }

    private async Task RewritePostsAsync(List<int> postIds, Dictionary<string, ZipArchiveEntry> files, Dictionary<string, int> photoIds, ImportReport report, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var postId in postIds)
        {
            var post = await db.Posts.SingleAsync(p => p.Id == postId, ct);
            var source = UploadsRewrite.Apply(post.Markdown, address =>
            {
                if (FileFor(files, address) is not { } key || !photoIds.TryGetValue(key, out var id)) return null;
                report.Match(key, address);
                return id;
            });
            if (source != post.Markdown)
            {
                await editor.RenderAsync(post, source, post.ExcerptIsCustom ? post.Excerpt : null, ct);
                await db.SaveChangesAsync(ct);
                report.PostsUpdated++;
            }
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Posts of the journal that came from WordPress and still show images from an uploads folder.</summary>
    private Task<List<int>> ImportedPostsWithUploadsAsync(int journalId, CancellationToken ct) =>
        db.Posts.Where(p => p.JournalId == journalId && p.Markdown.Contains("wp-content/uploads")
                && db.ImportedItems.Any(i => i.JournalId == journalId && i.Kind == ImportedKind.Post && i.TargetId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

    private static string? FileFor(Dictionary<string, ZipArchiveEntry> files, string address) =>
        UploadsFolder.PathOf(address) is { } path ? UploadsFolder.Candidates(path).FirstOrDefault(files.ContainsKey) : null;

    private static ImportReport Failed(string message) => new() { Succeeded = false, Error = message };
}
