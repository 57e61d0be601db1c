using System.ComponentModel.DataAnnotations;

namespace HsctJournals.Web.Journals;

/// <summary>What a person types to create or change a journal (form and API alike).</summary>
public sealed class JournalInput
{
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    /// <summary>Web address part; generated from the title when empty.</summary>
    [Display(Name = "Address (slug)")]
    public string? Slug { get; set; }

    [Display(Name = "Tagline")]
    public string? Tagline { get; set; }

    [Display(Name = "Who can read it")]
    public JournalVisibility Visibility { get; set; } = JournalVisibility.Private;

    [Display(Name = "Show treatment day numbers on posts")]
    public bool ShowDayNumbers { get; set; } = true;
}
