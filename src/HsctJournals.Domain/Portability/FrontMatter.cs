using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HsctJournals.Domain.Portability;

/// <summary>
/// A Markdown file with YAML front matter, as static-site generators (Jekyll, Hugo, Eleventy) read it.
/// Every value is written as a double-quoted scalar in JSON's escaping, which YAML 1.2 reads as the
/// same string (JSON is a subset of YAML 1.2), so titles with colons, quotes or "---" stay intact.
/// </summary>
public static class FrontMatter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file's text: front matter between "---" lines, a blank line, then <paramref name="body"/>.</summary>
    /// <param name="fields">Name and value pairs in order; null values are left out, lists become YAML flow sequences.</param>
    /// <param name="body">The Markdown after the front matter.</param>
    public static string Write(IEnumerable<(string Name, object? Value)> fields, string body)
    {
        var sb = new StringBuilder("---\n");
        foreach (var (name, value) in fields)
        {
            if (value is null) continue;
            sb.Append(name).Append(": ").Append(Scalar(value)).Append('\n');
        }
        sb.Append("---\n\n").Append(body.ReplaceLineEndings("\n"));
        if (!body.EndsWith('\n')) sb.Append('\n');
        return sb.ToString();
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
        DateTime d => Quote(d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(Quote)) + "]",
        _ => Quote(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);
}
