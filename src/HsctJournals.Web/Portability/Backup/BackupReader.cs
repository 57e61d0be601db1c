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

    /// <exception cref="BackupFormatException">No journal.json, a different format or version, or JSON that does not fit the format.</exception>
    public static async Task<JournalBackup> ReadAsync(ZipArchive zip, CancellationToken ct)
    {
        var entry = JsonEntry(zip);
        try
        {
            await using var stream = await entry.OpenAsync(ct);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != JournalBackup.FormatName)
                throw NotThisFormat();
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number is < 1 or > JournalBackup.CurrentVersion)
                throw UnknownVersion();
            var current = number == JournalBackup.CurrentVersion ? root : BackupVersions.Upgrade(root, number);
            return current.Deserialize<JournalBackup>(JournalBackup.Json)
                ?? throw new BackupFormatException("journal.json is empty.");
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
