using System.Text;
using HsctJournals.Domain.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace HsctJournals.Web.Shared;

/// <summary>A file part of a form being read: its bytes arrive through <see cref="Body"/> and are not kept anywhere.</summary>
/// <param name="Fields">The text fields that came before it in the body (a form lists its fields in document order).</param>
public sealed record StreamedFile(string FieldName, string FileName, string? ContentType, Stream Body, IFormCollection Fields);

/// <summary>How reading the form ended.</summary>
public enum StreamedFormEnd
{
    /// <summary>Every part was read.</summary>
    Complete,
    /// <summary>The file handler asked to stop: the rest of the body was left unread.</summary>
    Stopped,
    /// <summary>The body is not a well-formed multipart form, or is larger than the request may be.</summary>
    Malformed,
}

/// <summary>
/// Reads a <c>multipart/form-data</c> body as it arrives, instead of letting the framework copy every
/// file to disk before the page runs: text fields are collected (cleaned like every other form,
/// <see cref="InputCleaning"/>), and each file is handed to a callback while its bytes stream in, so a
/// callback that refuses a file (too large) can stop before the rest of the body is read. The fields
/// read are then installed as the request's form, so model binding and the antiforgery check see them.
/// </summary>
/// <remarks>Used by the filters derived from <see cref="StreamedFormAttribute"/>; see docs/decisions/0019-photo-uploads-streamed.md.</remarks>
public static class StreamedForm
{
    /// <summary>Longest text field (a post's Markdown is at most 200,000 characters).</summary>
    public const int MaxFieldBytes = 1024 * 1024;
    /// <summary>Most text fields in one form.</summary>
    public const int MaxFields = 200;

    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Reads the body; <paramref name="onFile"/> is called for each file part in order and returns false to
    /// stop reading there. The fields read (all of them, or those before the stop) become the request's form.
    /// </summary>
    public static async Task<StreamedFormEnd> ReadAsync(HttpContext http, Func<StreamedFile, Task<bool>> onFile, CancellationToken ct)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var end = StreamedFormEnd.Complete;
        try
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(http.Request.ContentType).Boundary).Value;
            if (string.IsNullOrWhiteSpace(boundary)) return Install(http, fields, StreamedFormEnd.Malformed);
            var reader = new MultipartReader(boundary, http.Request.Body);
            var count = 0;
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                // IsFormDisposition means a plain field; IsFileDisposition a file; anything else is skipped.
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !(disposition.IsFormDisposition() || disposition.IsFileDisposition()))
                    continue;
                var name = UnicodeText.Clean(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "");
                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    var file = new StreamedFile(name, fileName, section.ContentType, section.Body, new FormCollection(new Dictionary<string, StringValues>(fields)));
                    if (!await onFile(file)) { end = StreamedFormEnd.Stopped; break; }
                    continue;
                }
                if (++count > MaxFields) return Install(http, fields, StreamedFormEnd.Malformed);
                var value = await ReadTextAsync(section.Body, ct);
                if (value is null) return Install(http, fields, StreamedFormEnd.Malformed);
                fields[name] = fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or BadHttpRequestException or IOException)
        {
            // A malformed, cut-off or over-limit body: the client's mistake (or gone), not ours.
            end = StreamedFormEnd.Malformed;
        }
        return Install(http, fields, end);
    }

    /// <summary>The field's text, cleaned; null when it is longer than <see cref="MaxFieldBytes"/>.</summary>
    private static async Task<string?> ReadTextAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return UnicodeText.Clean(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static StreamedFormEnd Install(HttpContext http, Dictionary<string, StringValues> fields, StreamedFormEnd end)
    {
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
        return end;
    }
}
