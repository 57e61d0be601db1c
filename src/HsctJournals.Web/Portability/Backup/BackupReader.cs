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

    /// <exception cref="BackupFormatException">No journal.json, a different format or version, or JSON that does not fit the format.</exception>
    public static async Task<JournalBackup> ReadAsync(ZipArchive zip, CancellationToken ct)
    {
        var entry = zip.GetEntry(BackupPaths.Json)
            ?? throw new BackupFormatException("This zip has no journal.json, so it is not an HSCT Journals backup. (A WordPress export is an .xml file: use “Import from WordPress” for that.)");
        if (entry.Length > MaxJsonBytes) throw new BackupFormatException($"journal.json is larger than {MaxJsonBytes / 1024 / 1024} MB, more than this site restores.");
        try
        {
            await using var stream = await entry.OpenAsync(ct);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != JournalBackup.FormatName)
                throw new BackupFormatException($"journal.json is not an HSCT Journals backup (its \"format\" is not \"{JournalBackup.FormatName}\").");
            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number is < 1 or > JournalBackup.CurrentVersion)
                throw new BackupFormatException($"This backup's format version is not one this site reads (it reads versions 1 to {JournalBackup.CurrentVersion}). Update this site, then try again.");
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
            throw new BackupFormatException("journal.json in this zip is damaged and cannot be unpacked. Download the backup again.");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
