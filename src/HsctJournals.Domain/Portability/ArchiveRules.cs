namespace HsctJournals.Domain.Portability;

/// <summary>What a zip's directory says about one entry, before anything is unpacked.</summary>
public sealed record ArchiveEntry(string Name, long Length, long CompressedLength);

/// <summary>
/// The checks an uploaded archive passes before a byte of it is unpacked: no entry may climb out of
/// the folder (the "zip slip" trick), and it may not be a zip bomb — too many entries, too much
/// unpacked in total, or an entry packed far tighter than photos ever pack.
/// </summary>
public static class ArchiveRules
{
    /// <summary>Photos barely compress (a few percent); a large entry packed 100:1 is built to explode.</summary>
    public const int MaxRatio = 100;
    /// <summary>Below this size a high ratio is harmless (small text files, empty images).</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    /// <returns>A message naming the problem, or null when the archive may be read.</returns>
    public static string? Problem(IEnumerable<ArchiveEntry> entries, int maxEntries, long maxUnpackedBytes)
    {
        var count = 0;
        long total = 0;
        foreach (var entry in entries)
        {
            if (++count > maxEntries)
                return $"The archive holds more than {maxEntries:N0} files; this site reads at most that many. Zip only the year folders of wp-content/uploads, a few at a time.";
            if (!UploadsFolder.IsSafeRelative(entry.Name))
                return $"The archive contains “{entry.Name}”, a path that leads outside its own folder. Archives built like that are used to overwrite files on a server, so it was not read. Zip the uploads folder again with your computer's own “Compress” command.";
            if (entry.Length < 0 || entry.CompressedLength < 0)
                return $"The archive's directory is damaged at “{entry.Name}”. Zip the uploads folder again.";
            total += entry.Length;
            if (total > maxUnpackedBytes)
                return $"Unpacked, the archive would take more than {maxUnpackedBytes / 1024 / 1024:N0} MB, the most this site unpacks. Zip the year folders of wp-content/uploads separately and upload them one after another.";
            if (entry.Length > RatioFloorBytes && entry.Length / Math.Max(entry.CompressedLength, 1) > MaxRatio)
                return $"“{entry.Name}” would unpack to {entry.Length / 1024 / 1024:N0} MB from {Math.Max(entry.CompressedLength, 1) / 1024:N0} KB. Photos never pack that tightly; an archive like this is built to fill a server's disk (a “zip bomb”), so it was not read.";
        }
        return count == 0 ? "The archive is empty." : null;
    }
}
