using System.IO.Compression;
using System.Text.Json;
using HsctJournals.Domain.Portability;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>A file that is not a backup this site can restore, with a message for the person who sent it.</summary>
public sealed class BackupFormatException(string message) : Exception(message);

/// <summary>Opens a backup zip and reads its journal.json, refusing anything that is not one (with a clear reason).</summary>
public static class BackupReader
{
    /// <summary>journal.json larger than this is refused before it is read (a zip bomb would claim more).</summary>
    public const long MaxJsonBytes = 512L * 1024 * 1024;

    /// <exception cref="BackupFormatException">The file is not a readable backup.</exception>
    public static ZipArchive Open(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new BackupFormatException("This file is not a zip archive. Upload the .zip file that “Download everything” gave you, without unpacking it.");
        }
    }

    /// <summary>How much of journal.json <see cref="ReadHeaderAsync"/> looks at; a backup this site writes has its header in the first few hundred bytes.</summary>
    public const int HeaderBytes = 64 * 1024;

    /// <summary>
    /// The quick look a restore takes before it is queued: journal.json is there, and the start of it names this
    /// format and a version this site reads. Reads at most <see cref="HeaderBytes"/>, so the request stays short.
    /// </summary>
    /// <returns>The backup's journal settings (for the new journal's title and address), or null when they are not
    /// in the first part of the file: the job then reads the whole file and reports what is wrong with it.</returns>
    /// <exception cref="BackupFormatException">No journal.json, or another format or version.</exception>
    public static async Task<BackupJournal?> ReadHeaderAsync(ZipArchive zip, CancellationToken ct)
    {
        var entry = JsonEntry(zip);
        var buffer = new byte[HeaderBytes];
        var filled = 0;
        try
        {
            await using var stream = await entry.OpenAsync(ct);
            int read;
            while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), ct)) > 0) filled += read;
        }
        catch (InvalidDataException)
        {
            throw Damaged();
        }
        return Header(buffer.AsSpan(0, filled), isFinalBlock: filled < buffer.Length);
    }

    private static BackupJournal? Header(ReadOnlySpan<byte> json, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock, default);
        string? format = null;
        int? version = null;
        BackupJournal? journal = null;
        try
        {
            if (!reader.Read()) return null;
            if (reader.TokenType != JsonTokenType.StartObject) throw NotThisFormat();
            while (format is null || version is null || journal is null)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) break;
                var name = reader.GetString();
                if (!reader.Read()) return null;
                switch (name)
                {
                    case "format": format = reader.TokenType == JsonTokenType.String ? reader.GetString() : ""; break;
                    case "version": version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : -1; break;
                    case "journal": journal = JsonSerializer.Deserialize<BackupJournal>(ref reader, JournalBackup.Json); break;
                    default: if (!reader.TrySkip()) return null; break;
                }
            }
        }
        catch (JsonException)
        {
            return null; // cut off by the buffer, or wrong: the job reads the whole file and says which
        }
        if (format is not null && format != JournalBackup.FormatName) throw NotThisFormat();
        if (version is < 1 or > JournalBackup.CurrentVersion) throw UnknownVersion();
        return format is null || version is null ? null : journal;
    }

    /// <summary>
    /// The restore's first pass over journal.json: everything but the posts, while every post is read (one at a time)
    /// to check that it fits the format and to count it, so a broken file is refused before anything is created.
    /// </summary>
    /// <exception cref="BackupFormatException">No journal.json, a different format or version, or JSON that does not fit the format.</exception>
    public static Task<BackupOutline> ReadOutlineAsync(ZipArchive zip, CancellationToken ct) => Checked(async () =>
    {
        await using var stream = await JsonEntry(zip).OpenAsync(ct);
        using var json = new JsonStreamReader(stream, JournalBackup.Json);
        string? format = null, site = null;
        int? version = null;
        DateTime? exportedAt = null;
        BackupJournal? journal = null;
        List<BackupMember>? members = null;
        List<BackupTerm>? categories = null, tags = null;
        List<BackupPhoto>? photos = null;
        JsonElement? courses = null;
        int posts = 0, comments = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!await json.ReadAsync(ct) || json.TokenType != JsonTokenType.StartObject) throw NotThisFormat();
        while (await json.ReadAsync(ct) && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.String!;
            seen.Add(name);
            switch (name)
            {
                case "format":
                    if (await json.DeserializeAsync<JsonElement>(ct) is not { ValueKind: JsonValueKind.String } f || f.GetString() != JournalBackup.FormatName) throw NotThisFormat();
                    format = JournalBackup.FormatName;
                    break;
                case "version":
                    if (await json.DeserializeAsync<JsonElement>(ct) is not { ValueKind: JsonValueKind.Number } v || !v.TryGetInt32(out var number)
                        || number is < 1 or > JournalBackup.CurrentVersion) throw UnknownVersion();
                    version = number;
                    break;
                case "exportedAt": exportedAt = await json.DeserializeAsync<DateTime>(ct); break;
                case "site": site = await json.DeserializeAsync<string?>(ct); break;
                case "journal": journal = await json.DeserializeAsync<BackupJournal>(ct); break;
                case "members": members = await json.DeserializeAsync<List<BackupMember>>(ct); break;
                case "categories": categories = await json.DeserializeAsync<List<BackupTerm>>(ct); break;
                case "tags": tags = await json.DeserializeAsync<List<BackupTerm>>(ct); break;
                case "photos": photos = await json.DeserializeAsync<List<BackupPhoto>>(ct); break;
                // Read as it is and upgraded at the end: the version may come after it in a file this site did not write.
                case "treatmentCourses": courses = await json.DeserializeAsync<JsonElement>(ct); break;
                case "posts":
                    await foreach (var post in PostsAsync(json, ct))
                    {
                        posts++;
                        comments += post.Comments.Count;
                    }
                    break;
                default: await json.SkipValueAsync(ct); break;
            }
        }
        if (format is null) throw NotThisFormat();
        if (version is null) throw UnknownVersion();
        var missing = new[] { "exportedAt", "site", "journal", "members", "categories", "tags", "posts", "photos", "treatmentCourses" }.FirstOrDefault(n => !seen.Contains(n));
        if (missing is not null) throw new BackupFormatException($"journal.json does not fit the backup format: it has no \"{missing}\".");
        var current = version == JournalBackup.CurrentVersion ? courses!.Value : BackupVersions.UpgradeCourses(courses!.Value, version.Value);
        var head = new BackupHead(format, version.Value, exportedAt!.Value, site, journal ?? throw Null("journal"), members ?? throw Null("members"),
            categories ?? throw Null("categories"), tags ?? throw Null("tags"), photos ?? throw Null("photos"),
            current.Deserialize<List<BackupCourse>>(JournalBackup.Json) ?? throw Null("treatmentCourses"));
        return new BackupOutline(head, posts, comments);
    });

    /// <summary>The restore's second pass: the posts of journal.json, one at a time (checked by <see cref="ReadOutlineAsync"/> first).</summary>
    /// <exception cref="BackupFormatException">The JSON does not fit the format.</exception>
    public static async IAsyncEnumerable<BackupPost> ReadPostsAsync(ZipArchive zip, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = await JsonEntry(zip).OpenAsync(ct);
        using var json = new JsonStreamReader(stream, JournalBackup.Json);
        var found = await Checked(async () =>
        {
            await json.ReadAsync(ct);
            while (await json.ReadAsync(ct) && json.TokenType == JsonTokenType.PropertyName && json.String != "posts") await json.SkipValueAsync(ct);
            return json.TokenType == JsonTokenType.PropertyName && json.String == "posts";
        });
        if (!found) throw new BackupFormatException("journal.json does not fit the backup format: it has no \"posts\".");
        await using var posts = PostsAsync(json, ct).GetAsyncEnumerator(ct);
        while (await Checked(async () => await posts.MoveNextAsync())) yield return posts.Current;
    }

    /// <summary>The posts array, read one post at a time, after its property name.</summary>
    private static async IAsyncEnumerable<BackupPost> PostsAsync(JsonStreamReader json, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (!await json.ReadAsync(ct) || json.TokenType != JsonTokenType.StartArray)
            throw new BackupFormatException("journal.json does not fit the backup format: \"posts\" is not a list of posts.");
        while (await json.NextItemAsync<BackupPost>(ct) is (true, var post))
            yield return post ?? throw Null("a post");
    }

    /// <summary>JSON and zip errors as the message the person sees.</summary>
    private static async Task<T> Checked<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}{(e.BytePositionInLine is { } column ? $", column {column + 1}" : "")})" : "";
            throw new BackupFormatException($"journal.json does not fit the backup format{where}: {FirstSentence(e.Message)}");
        }
        catch (InvalidDataException)
        {
            throw Damaged();
        }
    }

    private static BackupFormatException Null(string what) => new($"journal.json does not fit the backup format: {what} is null.");

    private static ZipArchiveEntry JsonEntry(ZipArchive zip)
    {
        var entry = zip.GetEntry(BackupPaths.Json)
            ?? throw new BackupFormatException("This zip has no journal.json, so it is not an HSCT Journals backup. (A WordPress export is an .xml file: use “Import from WordPress” for that.)");
        if (entry.Length > MaxJsonBytes) throw new BackupFormatException($"journal.json is larger than {MaxJsonBytes / 1024 / 1024} MB, more than this site restores.");
        return entry;
    }

    private static BackupFormatException NotThisFormat() =>
        new($"journal.json is not an HSCT Journals backup (its \"format\" is not \"{JournalBackup.FormatName}\").");

    private static BackupFormatException UnknownVersion() =>
        new($"This backup's format version is not one this site reads (it reads versions 1 to {JournalBackup.CurrentVersion}). Update this site, then try again.");

    private static BackupFormatException Damaged() => new("journal.json in this zip is damaged and cannot be unpacked. Download the backup again.");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
