using System.ComponentModel.DataAnnotations;

namespace HsctJournals.Web.Portability;

/// <summary>Settings for imports, exports and deletions (section <c>Portability</c>).</summary>
public sealed class PortabilityOptions
{
    public const string Section = "Portability";

    /// <summary>How long a deleted journal's address stays reserved before anyone may take it.</summary>
    [Range(0, 3650)]
    public int SlugGraceDays { get; set; } = 90;

    /// <summary>Folder where uploaded WordPress files wait for their import job; relative to the app's folder.</summary>
    [Required]
    public string WorkFolder { get; set; } = "data/imports";

    /// <summary>Largest WordPress export accepted, in megabytes.</summary>
    [Range(1, 2048)]
    public int MaxUploadMegabytes { get; set; } = 200;

    /// <summary>Largest zip of a WordPress uploads folder accepted, in megabytes.</summary>
    [Range(1, 2048)]
    public int MaxArchiveMegabytes { get; set; } = 1024;

    /// <summary>Most files a zip of an uploads folder may hold (WordPress keeps several resized copies of each image).</summary>
    [Range(1, 1_000_000)]
    public int MaxArchiveEntries { get; set; } = 100_000;

    /// <summary>Most a zip of an uploads folder may unpack to, in megabytes, as its directory says; checked before anything is read.</summary>
    [Range(1, 1_000_000)]
    public int MaxUnpackedMegabytes { get; set; } = 8192;
}
