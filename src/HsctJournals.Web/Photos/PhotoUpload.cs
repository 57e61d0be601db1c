using System.Buffers.Binary;
using System.Security.Cryptography;
using HsctJournals.Domain.Photos;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Photos;

/// <summary>One file to add to a journal's photos, from a form, the API or an import.</summary>
/// <param name="DeclaredLength">The length the client announced, if any: refused at once when over the limit.</param>
public sealed record PhotoUploadRequest(
    Journal Journal, string? UploaderId, Stream Content, string? FileName, string? ContentType,
    string? AltText, bool Decorative = false, string? Caption = null, long? DeclaredLength = null);

/// <summary>The stored photo (new, or the same file uploaded before), or why nothing was stored.</summary>
public sealed record PhotoUploadResult(Photo? Photo, bool AlreadyThere, PhotoProblem? Problem, string? Message)
{
    public bool Succeeded => Photo is not null;
    public static PhotoUploadResult Refused(PhotoProblem problem, string message) => new(null, false, problem, message);
}

/// <summary>
/// The one way a photo enters a journal (editor, Photos page, API, WordPress import): checks the
/// text, copies the stream to a temporary file under the size limit while hashing it, recognises
/// the type by content, makes the variants, and stores blobs and rows in one transaction —
/// either everything is stored or nothing is. The same file uploaded twice (even at the same
/// moment) is stored once.
/// </summary>
public sealed class PhotoUpload(JournalsDbContext db, PhotoBlobStore blobs, PhotoProcessor processor, IOptions<PhotoOptions> options, TimeProvider clock, ILogger<PhotoUpload> log)
{
    private PhotoOptions Limits => options.Value;

    public async Task<PhotoUploadResult> UploadAsync(PhotoUploadRequest request, CancellationToken ct = default)
    {
        var fileName = PhotoText.SafeFileName(request.FileName);
        if (PhotoText.AltTextProblem(request.AltText, request.Decorative) is { } altProblem)
            return PhotoUploadResult.Refused(PhotoProblem.Invalid, altProblem);
        if (PhotoText.CaptionProblem(request.Caption) is { } captionProblem)
            return PhotoUploadResult.Refused(PhotoProblem.Invalid, captionProblem);
        if (request.DeclaredLength > Limits.MaxUploadBytes)
            return TooLarge(fileName);

        var temp = Path.Combine(Path.GetTempPath(), "hsct-photo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var copied = await CopyLimitedAsync(request.Content, temp, ct);
            if (copied is null) return TooLarge(fileName);
            var (hash, length, head) = copied.Value;
            if (length == 0)
                return PhotoUploadResult.Refused(PhotoProblem.Empty, $"“{fileName}” is empty (0 bytes). Choose the photo again; if it came from a cloud folder, let it finish downloading first.");

            var kind = ImageSniffer.Detect(head);
            if (TypeProblem(kind, request, fileName) is { } typeProblem) return typeProblem;
            if (EndsWithZipArchive(temp, length))
                return PhotoUploadResult.Refused(PhotoProblem.UnsupportedType, $"“{fileName}” is an image with a ZIP archive attached to it. Save the photo again as a plain JPEG or PNG and send that.");

            var existing = await FindAsync(request.Journal.Id, hash, ct);
            if (existing is not null) return new PhotoUploadResult(existing, true, null, null);

            ProcessedPhoto processed;
            try
            {
                processed = processor.Process(temp, kind, Limits.MaxPixels);
            }
            catch (PhotoRefusedException e)
            {
                return PhotoUploadResult.Refused(e.Problem, $"“{fileName}”: {e.Message}");
            }

            var newBytes = length + processed.Variants.Sum(v => (long)v.Bytes.Length);
            if (Limits.JournalQuotaBytes > 0)
            {
                var used = await PhotoQuota.UsedBytesAsync(db, request.Journal.Id, ct);
                if (used + newBytes > Limits.JournalQuotaBytes)
                    return PhotoUploadResult.Refused(PhotoProblem.QuotaReached,
                        $"This journal's photos use {PhotoOptions.Bytes(used)} of the {PhotoOptions.Bytes(Limits.JournalQuotaBytes)} it may store, and “{fileName}” needs {PhotoOptions.Bytes(newBytes)} more. Delete photos you no longer use, or ask the site's administrator for more room.");
            }

            return await StoreAsync(request, fileName, hash, length, kind, temp, processed, ct);
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException e) { log.LogWarning(e, "Could not delete temporary upload {Path}", temp); }
        }
    }

    private async Task<PhotoUploadResult> StoreAsync(PhotoUploadRequest request, string fileName, string hash, long length, ImageKind kind,
        string temp, ProcessedPhoto processed, CancellationToken ct)
    {
        var photo = new Photo
        {
            JournalId = request.Journal.Id, OriginalHash = hash, OriginalContentType = ContentTypeOf(kind), OriginalLength = length,
            Width = processed.Width, Height = processed.Height, FileName = fileName,
            AltText = request.AltText?.Trim() ?? "", IsDecorative = request.Decorative && string.IsNullOrWhiteSpace(request.AltText),
            Caption = string.IsNullOrWhiteSpace(request.Caption) ? null : request.Caption.Trim(),
            WasAnimated = processed.WasAnimated, UploadedById = request.UploaderId, UploadedAt = clock.GetUtcNow().UtcDateTime,
            Variants = processed.Variants.Select(v => new PhotoVariant { Width = v.Width, Height = v.Height, Format = v.Format, Hash = v.Hash, Length = v.Bytes.Length }).ToList(),
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using (var original = File.OpenRead(temp))
                await blobs.PutAsync(hash, original, ct);
            foreach (var variant in processed.Variants)
                await blobs.PutAsync(variant.Hash, new MemoryStream(variant.Bytes, writable: false), ct);
            db.Photos.Add(photo);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new PhotoUploadResult(photo, false, null, null);
        }
        catch (DbUpdateException)
        {
            // Someone stored the same file (or the same bytes) at the same moment: theirs won.
            db.ChangeTracker.Clear();
            var theirs = await FindAsync(request.Journal.Id, hash, ct);
            if (theirs is not null) return new PhotoUploadResult(theirs, true, null, null);
            throw;
        }
    }

    private Task<Photo?> FindAsync(int journalId, string hash, CancellationToken ct) =>
        db.Photos.Include(p => p.Variants).FirstOrDefaultAsync(p => p.JournalId == journalId && p.OriginalHash == hash, ct);

    /// <summary>Copies at most the size limit to <paramref name="path"/>, hashing as it goes; null as soon as the limit is passed.</summary>
    private async Task<(string Hash, long Length, byte[] Head)?> CopyLimitedAsync(Stream source, string path, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var head = new List<byte>(ImageSniffer.HeadLength);
        long total = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > Limits.MaxUploadBytes) return null;
            if (head.Count < ImageSniffer.HeadLength) head.AddRange(buffer.Take(Math.Min(read, ImageSniffer.HeadLength - head.Count)));
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), total, head.ToArray());
    }

    private PhotoUploadResult TooLarge(string fileName) => PhotoUploadResult.Refused(PhotoProblem.TooLarge,
        $"“{fileName}” is larger than {Limits.MaxUploadText}, the most a photo may be. Phones can share a smaller copy (for example \"Large\" or \"Medium\" size).");

    /// <summary>What the content is decides; a name or browser type that says otherwise is refused.</summary>
    private static PhotoUploadResult? TypeProblem(ImageKind kind, PhotoUploadRequest request, string fileName)
    {
        switch (kind)
        {
            case ImageKind.Svg:
                return PhotoUploadResult.Refused(PhotoProblem.UnsupportedType, $"“{fileName}” is an SVG drawing. SVG files can carry scripts, so they are not accepted; export it as PNG and send that.");
            case ImageKind.Heic:
                return PhotoUploadResult.Refused(PhotoProblem.UnsupportedType, $"“{fileName}” is a HEIC photo, which this server cannot read. On an iPhone choose Settings › Camera › Formats › Most Compatible, or share the photo by mail or Files, which sends JPEG; or export it as JPEG.");
            case ImageKind.Executable:
                return PhotoUploadResult.Refused(PhotoProblem.UnsupportedType, $"“{fileName}” is a program, not a photo. Only JPEG, PNG, WebP, GIF and AVIF images are accepted.");
            case ImageKind.Jpeg or ImageKind.Png or ImageKind.Gif or ImageKind.WebP or ImageKind.Avif:
                break;
            default:
                return PhotoUploadResult.Refused(PhotoProblem.UnsupportedType, $"“{fileName}” is not a photo this site can show. Only JPEG, PNG, WebP, GIF and AVIF images are accepted.");
        }
        var claimed = ImageSniffer.FromContentType(request.ContentType);
        if (claimed == ImageKind.Unknown) claimed = ImageSniffer.FromFileName(request.FileName);
        if (claimed != ImageKind.Unknown && claimed != kind)
            return PhotoUploadResult.Refused(PhotoProblem.TypeMismatch, $"“{fileName}” says it is {Name(claimed)}, but its content is {Name(kind)}. Save it again in one format (JPEG is safest) and send that.");
        return null;
    }

    /// <summary>
    /// A ZIP archive glued behind an image (a polyglot) ends with an end-of-central-directory record
    /// whose comment runs exactly to the end of the file; real photos do not.
    /// </summary>
    private static bool EndsWithZipArchive(string path, long length)
    {
        const int recordLength = 22;
        var tailLength = (int)Math.Min(length, recordLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        using (var file = File.OpenRead(path))
        {
            file.Seek(-tailLength, SeekOrigin.End);
            file.ReadExactly(tail);
        }
        for (var i = tailLength - recordLength; i >= 0; i--)
        {
            if (tail[i] != 'P' || tail[i + 1] != 'K' || tail[i + 2] != 5 || tail[i + 3] != 6) continue;
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20, 2));
            if (i + recordLength + commentLength == tailLength) return true;
        }
        return false;
    }

    public static string ContentTypeOf(ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "image/jpeg",
        ImageKind.Png => "image/png",
        ImageKind.Gif => "image/gif",
        ImageKind.WebP => "image/webp",
        ImageKind.Avif => "image/avif",
        _ => "application/octet-stream",
    };

    private static string Name(ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "a JPEG", ImageKind.Png => "a PNG", ImageKind.Gif => "a GIF", ImageKind.WebP => "a WebP image",
        ImageKind.Avif => "an AVIF image", ImageKind.Heic => "a HEIC photo", ImageKind.Svg => "an SVG drawing",
        ImageKind.Executable => "a program", _ => "something else",
    };
}
