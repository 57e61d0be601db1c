using System.IO.Compression;
using System.Text;
using System.Text.Json;
using HsctJournals.Domain.Portability;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// "Download everything": one zip with journal.json (the complete journal, docs/backup-format.md),
/// every post as Markdown with front matter, the photos' originals and a static HTML copy that opens
/// offline. Built in a temporary file (zip compression writes synchronously, which a response body
/// refuses), then copied out; one photo chunk is in memory at a time.
/// </summary>
public sealed class BackupWriter(JournalSnapshot snapshot, StaticCopy staticCopy, PhotoBlobStore blobs, TimeProvider clock)
{
    public static string FileName(Journal journal, DateTime now) => $"{journal.Slug}.backup.{now:yyyy-MM-dd}.zip";

    public async Task WriteAsync(int journalId, Stream output, CancellationToken ct)
    {
        await using var temp = new FileStream(Path.Combine(Path.GetTempPath(), "hsct-backup-" + Guid.NewGuid().ToString("N") + ".zip"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WriteZipAsync(journalId, temp, ct);
        temp.Position = 0;
        await temp.CopyToAsync(output, ct);
    }

    private async Task WriteZipAsync(int journalId, Stream output, CancellationToken ct)
    {
        var backup = await snapshot.ReadAsync(journalId, ct);
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await TextEntryAsync(zip, BackupPaths.Json, JsonSerializer.Serialize(backup, JournalBackup.Json), ct);
        await TextEntryAsync(zip, BackupPaths.ReadMe, ReadMe(backup), ct);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var post in backup.Posts)
        {
            var name = names.Add(post.MarkdownFile) ? post.MarkdownFile : post.MarkdownFile[..^3] + $"-{post.Id}.md";
            await TextEntryAsync(zip, name, MarkdownFile(backup, post), ct);
        }
        foreach (var (path, html) in staticCopy.Pages(backup, clock.GetUtcNow().UtcDateTime))
            await TextEntryAsync(zip, path, html, ct);
        foreach (var photo in backup.Photos)
        {
            // Photos are compressed already: stored as they are, which also keeps the zip quick to write.
            var entry = zip.CreateEntry(photo.File, CompressionLevel.NoCompression);
            entry.LastWriteTime = photo.UploadedAt;
            await using var stream = await entry.OpenAsync(ct);
            await blobs.CopyToAsync(photo.Sha256, stream, ct);
        }
    }

    private static string MarkdownFile(JournalBackup backup, BackupPost post) => FrontMatter.Write(
    [
        ("title", post.Title), ("slug", post.Slug), ("status", post.Status.ToString().ToLowerInvariant()),
        ("date", post.PublishedAt), ("created", post.CreatedAt), ("updated", post.UpdatedAt),
        ("author", post.Byline ?? post.Author.Name),
        ("category", backup.Categories.FirstOrDefault(c => c.Id == post.CategoryId)?.Name),
        ("tags", backup.Tags.Where(t => post.TagIds.Contains(t.Id)).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ToList()),
        ("excerpt", post.CustomExcerpt), ("comments_open", post.CommentsOpen),
    ], post.Markdown);

    private static string ReadMe(JournalBackup backup) => $"""
        A backup of the journal "{backup.Journal.Title}" made on {backup.ExportedAt:yyyy-MM-dd HH:mm} UTC.

        site/index.html   Open this in any web browser: the journal's published posts with their
                          comments and photos. It needs no server and no internet connection.
        posts/            Every post (drafts too) as a Markdown file with its title, date, category
                          and tags at the top.
        photos/           The photos as they were uploaded.
        journal.json      Everything, for restoring into an HSCT Journals site ("Restore a backup"):
                          posts with revisions, comments of every status, members, settings and the
                          treatment course. Format: "{JournalBackup.FormatName}" version {JournalBackup.CurrentVersion}.

        journal.json holds the e-mail addresses of commenters and members. Keep this file private.

        """;

    private static async Task TextEntryAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(ct);
        await stream.WriteAsync(new UTF8Encoding(false).GetBytes(text), ct);
    }
}
