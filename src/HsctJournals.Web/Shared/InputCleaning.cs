using System.Text.Json;
using System.Text.Json.Serialization;
using HsctJournals.Domain.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace HsctJournals.Web.Shared;

/// <summary>
/// Removes NUL, Unicode noncharacters and unpaired surrogates (<see cref="UnicodeText"/>) from
/// everything a client sends as text — form fields, query values and JSON strings — before any
/// page, endpoint or database sees it. PostgreSQL refuses NUL in text and SQLite stores it; doing
/// it here makes both providers keep the same thing, and a request whose path carries such
/// characters names nothing that exists (404). It runs after routing so that pages which read
/// their uploads as they arrive (<see cref="MultipartReadByPageAttribute"/>) are left to do so.
/// </summary>
public static class InputCleaning
{
    public static IServiceCollection AddInputCleaning(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new CleanStringConverter()));

    public static IApplicationBuilder UseInputCleaning(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (!UnicodeText.IsClean(request.Path.Value))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (request.QueryString.HasValue && !IsClean(request.Query))
                http.Features.Set<IQueryFeature>(new QueryFeature(new QueryCollection(Cleaned(request.Query))));
            if (request.HasFormContentType && !ReadByEndpoint(http))
            {
                if (IsUrlEncoded(request)) await StripNulAsync(request, http.RequestAborted);
                IFormCollection form;
                try { form = await request.ReadFormAsync(http.RequestAborted); }
                catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
                {
                    // A malformed or truncated body is the client's mistake, not ours.
                    http.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                if (!IsClean(form))
                {
                    // Keeps the request-bound feature (content type, limits) and swaps only what it read.
                    var feature = http.Features.Get<IFormFeature>() as FormFeature ?? new FormFeature(request);
                    feature.Form = new FormCollection(Cleaned(form), form.Files);
                    http.Features.Set<IFormFeature>(feature);
                }
            }
            await next(http);
        });

    /// <summary>A multipart body sent to a <see cref="MultipartReadByPageAttribute"/> page is read (and cleaned) by the page as it arrives.</summary>
    private static bool ReadByEndpoint(HttpContext http) =>
        StreamedForm.IsMultipart(http.Request) && http.GetEndpoint()?.Metadata.GetMetadata<MultipartReadByPageAttribute>() is not null;

    private static bool IsUrlEncoded(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// ASP.NET Core's form reader refuses a URL-encoded NUL outright ("The form value contains invalid
    /// characters"), which would turn a stray <c>%00</c> into an error page instead of the form with what
    /// was typed. NUL can only be written as <c>%00</c> or a raw zero byte there, so both are dropped
    /// from the body before the reader sees it; the rest of the cleaning happens on the parsed values.
    /// </summary>
    private static async Task StripNulAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var cleaned = new MemoryStream(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0) continue;
            if (bytes[i] == (byte)'%' && i + 2 < bytes.Length && bytes[i + 1] == (byte)'0' && bytes[i + 2] == (byte)'0') { i += 2; continue; }
            cleaned.WriteByte(bytes[i]);
        }
        cleaned.Position = 0;
        request.Body = cleaned;
        request.ContentLength = cleaned.Length;
    }

    private static bool IsClean(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        values.All(kv => UnicodeText.IsClean(kv.Key) && kv.Value.All(UnicodeText.IsClean));

    private static Dictionary<string, StringValues> Cleaned(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        var cleaned = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            var name = UnicodeText.Clean(key);
            var items = value.Select(v => v is null ? null : UnicodeText.Clean(v)).ToArray();
            cleaned[name] = cleaned.TryGetValue(name, out var existing) ? StringValues.Concat(existing, items) : new StringValues(items);
        }
        return cleaned;
    }

    /// <summary>Every JSON string the API reads is cleaned the same way as form fields.</summary>
    private sealed class CleanStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } text ? UnicodeText.Clean(text) : null;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
