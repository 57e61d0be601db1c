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
/// refuses), then copied out. Memory stays flat however large the journal: the posts are read a page
/// at a time (<see cref="JournalSnapshot.Open.PostsAsync"/>) and each is written to the zip as it is read —
/// journal.json through a <see cref="Utf8JsonWriter"/> flushed post by post — and one photo chunk is in
/// memory at a time. Only the index's list of live posts (title, date, excerpt) is kept to the end.
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
        var journal = await snapshot.OpenAsync(journalId, ct);
        var head = journal.Head;
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await WriteJsonAsync(zip, journal, ct);
        await TextEntryAsync(zip, BackupPaths.ReadMe, ReadMe(head), ct);

        var site = StaticCopy.Site.Of(head);
        var now = clock.GetUtcNow().UtcDateTime;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var live = new List<StaticCopy.Listed>();
        await foreach (var post in journal.PostsAsync(complete: false, ct))
        {
            var name = names.Add(post.MarkdownFile) ? post.MarkdownFile : post.MarkdownFile[..^3] + $"-{post.Id}.md";
            await TextEntryAsync(zip, name, MarkdownFile(head, post), ct);
            if (!StaticCopy.IsLive(post, now)) continue;
            var (html, listed) = staticCopy.Post(site, post);
            await TextEntryAsync(zip, BackupPaths.SitePost(post.Slug), html, ct);
            live.Add(listed);
        }
        await TextEntryAsync(zip, BackupPaths.SiteIndex, StaticCopy.Index(site, live), ct);
        await TextEntryAsync(zip, BackupPaths.SiteArchive, StaticCopy.Archive(site, live), ct);

        foreach (var photo in head.Photos)
        {
            // Photos are compressed already: stored as they are, which also keeps the zip quick to write.
            var entry = zip.CreateEntry(photo.File, CompressionLevel.NoCompression);
            entry.LastWriteTime = photo.UploadedAt;
            await using var stream = await entry.OpenAsync(ct);
            await blobs.CopyToAsync(photo.Sha256, stream, ct);
        }
    }

    /// <summary>
    /// journal.json as <see cref="JournalBackup"/> serialises (its fields in its order, its options), written a post
    /// at a time: the head's parts whole, then each post as it is read, the writer flushed into the zip entry as it goes.
    /// </summary>
    private static async Task WriteJsonAsync(ZipArchive zip, JournalSnapshot.Open journal, CancellationToken ct)
    {
        var head = journal.Head;
        var options = JournalBackup.Json;
        var entry = zip.CreateEntry(BackupPaths.Json, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(ct);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = options.WriteIndented, Encoder = options.Encoder });
        void Property<T>(string name, T value)
        {
            json.WritePropertyName(options.PropertyNamingPolicy!.ConvertName(name));
            JsonSerializer.Serialize(json, value, options);
        }
        json.WriteStartObject();
        Property(nameof(JournalBackup.Format), head.Format);
        Property(nameof(JournalBackup.Version), head.Version);
        Property(nameof(JournalBackup.ExportedAt), head.ExportedAt);
        Property(nameof(JournalBackup.Site), head.Site);
        Property(nameof(JournalBackup.Journal), head.Journal);
        Property(nameof(JournalBackup.Members), head.Members);
        Property(nameof(JournalBackup.Categories), head.Categories);
        Property(nameof(JournalBackup.Tags), head.Tags);
        json.WritePropertyName(options.PropertyNamingPolicy!.ConvertName(nameof(JournalBackup.Posts)));
        json.WriteStartArray();
        await foreach (var post in journal.PostsAsync(complete: true, ct))
        {
            JsonSerializer.Serialize(json, post, options);
            await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        Property(nameof(JournalBackup.Photos), head.Photos);
        Property(nameof(JournalBackup.TreatmentCourses), head.TreatmentCourses);
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static string MarkdownFile(BackupHead backup, BackupPost post) => FrontMatter.Write(
    [
        ("title", post.Title), ("slug", post.Slug), ("status", post.Status.ToString().ToLowerInvariant()),
        ("date", post.PublishedAt), ("created", post.CreatedAt), ("updated", post.UpdatedAt),
        ("author", post.Byline ?? post.Author.Name),
        ("category", backup.Categories.FirstOrDefault(c => c.Id == post.CategoryId)?.Name),
        ("tags", backup.Tags.Where(t => post.TagIds.Contains(t.Id)).Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ToList()),
        ("excerpt", post.CustomExcerpt), ("comments_open", post.CommentsOpen),
    ], post.Markdown);

    private static string ReadMe(BackupHead backup) => $"""
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
