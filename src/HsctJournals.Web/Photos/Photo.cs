using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Photos;

/// <summary>
/// A photo of a journal. The original (<see cref="OriginalHash"/>) is kept privately for export and
/// re-processing and is never served; readers get the <see cref="Variants"/>, which carry no metadata.
/// A journal holds each original once: uploading the same file again returns the same photo.
/// </summary>
public class Photo
{
    public int Id { get; set; }
    public int JournalId { get; set; }
    public Journal Journal { get; set; } = null!;
    /// <summary>SHA-256 of the original file, lower-case hex: the key of its blob.</summary>
    public required string OriginalHash { get; set; }
    /// <summary>MIME type of the original as its bytes say (not as the browser claimed).</summary>
    public required string OriginalContentType { get; set; }
    public long OriginalLength { get; set; }
    /// <summary>Size after applying the EXIF orientation.</summary>
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>The uploader's file name, made safe (no path, no control characters); shown only to writers.</summary>
    public required string FileName { get; set; }
    public string AltText { get; set; } = "";
    /// <summary>Purely decorative: rendered with empty alt text on purpose.</summary>
    public bool IsDecorative { get; set; }
    public string? Caption { get; set; }
    /// <summary>Set when the original was an animation: only its first frame is shown.</summary>
    public bool WasAnimated { get; set; }
    public string? UploadedById { get; set; }
    public AppUser? UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public List<PhotoVariant> Variants { get; set; } = [];

    /// <summary>Bytes this photo counts against its journal's quota: original plus variants.</summary>
    public long StoredBytes => OriginalLength + Variants.Sum(v => v.Length);
}

/// <summary>An image format a variant is written in.</summary>
public enum PhotoFormat
{
    Jpeg = 0,
    WebP = 1,
}

/// <summary>One display size of a photo in one format, generated once at upload. Its blob is content-addressed.</summary>
public class PhotoVariant
{
    public int Id { get; set; }
    public int PhotoId { get; set; }
    public Photo Photo { get; set; } = null!;
    public int Width { get; set; }
    public int Height { get; set; }
    public PhotoFormat Format { get; set; }
    /// <summary>SHA-256 of the variant's bytes: its URL, its ETag and its blob key.</summary>
    public required string Hash { get; set; }
    public long Length { get; set; }

    public string ContentType => Format == PhotoFormat.WebP ? "image/webp" : "image/jpeg";
    public string Extension => Format == PhotoFormat.WebP ? "webp" : "jpg";
    /// <summary>The address of these bytes; it changes whenever the bytes do, so it can be cached forever.</summary>
    public string Url => $"/photos/{Hash}.{Extension}";
}

/// <summary>A post that shows a photo (kept in step with the post's Markdown on every save).</summary>
public class PhotoUsage
{
    public int PostId { get; set; }
    public Post Post { get; set; } = null!;
    public int PhotoId { get; set; }
    public Photo Photo { get; set; } = null!;
}
