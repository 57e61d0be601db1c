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

    /// <summary>Largest zip accepted, in megabytes: a WordPress uploads folder, or a journal backup (which carries its photos).</summary>
    [Range(1, 2048)]
    public int MaxArchiveMegabytes { get; set; } = 1024;

    /// <summary>Most files a zip of an uploads folder may hold (WordPress keeps several resized copies of each image).</summary>
    [Range(1, 1_000_000)]
    public int MaxArchiveEntries { get; set; } = 100_000;

    /// <summary>Most a zip of an uploads folder may unpack to, in megabytes, as its directory says; checked before anything is read.</summary>
    [Range(1, 1_000_000)]
    public int MaxUnpackedMegabytes { get; set; } = 8192;

    /// <summary>How long a "Your comments" link mailed to a commenter works, in hours.</summary>
    [Range(1, 168)]
    public int CommentLinkHours { get; set; } = 24;

    /// <summary>"Your comments" links one client address may ask for in 15 minutes.</summary>
    [Range(1, 1000)]
    public int CommentLinksPerClient { get; set; } = 10;

    /// <summary>"Your comments" mails one e-mail address may get in an hour.</summary>
    [Range(1, 100)]
    public int CommentLinksPerAddress { get; set; } = 3;
}
