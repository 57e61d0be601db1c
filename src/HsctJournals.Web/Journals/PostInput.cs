using System.ComponentModel.DataAnnotations;

namespace HsctJournals.Web.Journals;

/// <summary>What an author types in the editor (form and API alike).</summary>
public sealed class PostInput
{
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    /// <summary>Web address part; generated from the title when empty. Fixed once the post is published.</summary>
    [Display(Name = "Address (slug)")]
    public string? Slug { get; set; }

    [Display(Name = "Text (Markdown)")]
    public string Markdown { get; set; } = "";

    /// <summary>Shown in lists and feeds; derived from the text when empty.</summary>
    [Display(Name = "Excerpt")]
    public string? Excerpt { get; set; }

    [Display(Name = "Category")]
    public int? CategoryId { get; set; }

    /// <summary>A new category to create and use, when none of the existing ones fits.</summary>
    [Display(Name = "Or a new category")]
    public string? NewCategory { get; set; }

    /// <summary>Comma-separated.</summary>
    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    [Display(Name = "Status")]
    public PostStatus Status { get; set; } = PostStatus.Draft;

    /// <summary>Publish date and time in the author's time zone; empty means "now" when publishing.</summary>
    [Display(Name = "Publish at")]
    public DateTime? PublishAt { get; set; }

    [Display(Name = "Comments open")]
    public bool CommentsOpen { get; set; } = true;
}
