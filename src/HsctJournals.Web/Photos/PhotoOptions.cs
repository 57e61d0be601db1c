using System.ComponentModel.DataAnnotations;

namespace HsctJournals.Web.Photos;

/// <summary>Limits for uploaded photos (section <c>Photos</c>).</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>The largest file accepted, in bytes (default 25 MB). Refused before the rest of the body is read.</summary>
    [Range(1024, 1L << 31)]
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The most pixels an image may have (default 50 megapixels); checked from the header, before decoding.</summary>
    [Range(1, 500_000_000)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>How many bytes of photos (originals plus variants) one journal may store (default 2 GB; 0 = no limit).</summary>
    [Range(0, long.MaxValue)]
    public long JournalQuotaBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How many files one form or API request may carry.</summary>
    [Range(1, 50)]
    public int MaxFilesPerUpload { get; set; } = 10;

    /// <summary>
    /// How many days a signed photo link (in a secret feed, or in mail to a follower of a journal that is not
    /// public) works at least (default 30). The link also stops as soon as its reader may no longer see the photo.
    /// </summary>
    [Range(1, 365)]
    public int SignedLinkDays { get; set; } = 30;

    public string MaxUploadText => Bytes(MaxUploadBytes);

    /// <summary>A size in words people read: "25 MB", "740 KB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024 * 1024):0.#} GB",
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes} bytes",
    };
}
