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
/// characters names nothing that exists (404).
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
            if (request.HasFormContentType)
            {
                IFormCollection form;
                try { form = await request.ReadFormAsync(http.RequestAborted); }
                catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
                {
                    // A malformed or truncated body is the client's mistake, not ours.
                    http.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                if (!IsClean(form))
                    http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(Cleaned(form), form.Files)));
            }
            await next(http);
        });

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
