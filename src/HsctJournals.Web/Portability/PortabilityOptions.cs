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
}
