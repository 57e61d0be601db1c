using System.Text;

namespace HsctJournals.Web.Tests.Security;

/// <summary>
/// Hostile and odd values for form fields, query strings and JSON, drawn from a seeded
/// <see cref="Random"/> so a failing run can be repeated exactly. Form values are returned already
/// percent-encoded, because some of them (NUL, invalid UTF-8) cannot pass through an encoder.
/// </summary>
internal sealed class FuzzInputs(int seed)
{
    private readonly Random _random = new(seed);

    // Raw, already-encoded form values: the encodings no well-behaved client would produce.
    private static readonly string[] RawEncoded =
    [
        "%00", "a%00b", "%00%00%00", "%EF%BF%BE", "%EF%BF%BF", "title%EF%BF%BEtail", "%EF%B7%90",
        "%ED%A0%80", "%FF%FE", "%C0%AF", "%F4%8F%BF%BE", "%E2%80%AE", "%0D%0A%0D%0AInjected: header", "%25", "%",
    ];

    private static readonly string[] Texts =
    [
        "", " ", "\t\n", "a", "Day +12", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR 1=1 --",
        "Robert'); DROP TABLE \"Posts\";--", "../../../../etc/passwd", "%2e%2e%2f", "{{chart: neutrophils}}", "{{milestone: engraftment}}",
        "💉🩸🧬", "مرحبا", "\u202Eevil", "ｆｕｌｌｗｉｄｔｈ", "ﬁ", "İstanbul", "ß", "Ǆ", "null", "undefined", "NaN", "Infinity",
        "-1", "0", "1", "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "1e309", "0x10", "1,5", "3.14",
        "true", "false", "on", "Public", "Private", "Unlisted", "ApprovedReaders", "Owner", "CoAuthor", "Moderator", "Bogus",
        "0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "2026-01-01T25:61", "1970-01-01T00:00:00Z", "yesterday",
        "http://evil.example/", "javascript:alert(1)", "//evil.example", "mailto:a@b", "a@b", "not-an-address", "x@" + new string('y', 300) + ".org",
        "Europe/London", "Mars/Olympus_Mons", "../Europe/London", "neutrophils", "10^9/L", "mmol/L", "×10⁹/L",
    ];

    public string FormValue()
    {
        return _random.Next(10) switch
        {
            0 or 1 => RawEncoded[_random.Next(RawEncoded.Length)],
            2 => Uri.EscapeDataString(Long()),
            3 => Uri.EscapeDataString(Pick(Texts)) + RawEncoded[_random.Next(RawEncoded.Length)],
            _ => Uri.EscapeDataString(Pick(Texts)),
        };
    }

    /// <summary>A JSON value of a random kind; strings carry NUL and noncharacters as JSON escapes.</summary>
    public string JsonValue(int depth = 0)
    {
        switch (_random.Next(depth > 1 ? 7 : 9))
        {
            case 0: return "null";
            case 1: return _random.Next(2) == 0 ? "true" : "false";
            case 2: return Pick(["0", "-1", "1", "2147483648", "-9223372036854775809", "1e400", "0.5", "1E2", "-0"]);
            case 3: return "\"\\u0000\"";
            case 4: return "\"x\\uFFFEy\\uD800\"";
            case 5: return "\"" + new string('a', _random.Next(100, 20_000)) + "\"";
            case 6: return System.Text.Json.JsonSerializer.Serialize(Pick(Texts));
            case 7: return "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => JsonValue(depth + 1))) + "]";
            default: return "{\"a\":" + JsonValue(depth + 1) + "}";
        }
    }

    /// <summary>A JSON body for an operation: its known properties, each with a random value, sometimes broken.</summary>
    public string JsonBody(IReadOnlyList<string> properties)
    {
        switch (_random.Next(12))
        {
            case 0: return "";
            case 1: return "{";
            case 2: return "[1,2,3]";
            case 3: return "\"\\u0000\"";
            case 4: return "{\"title\":\"\u0000\"}";
        }
        var chosen = properties.Where(_ => _random.Next(4) != 0).ToList();
        var builder = new StringBuilder("{");
        foreach (var name in chosen)
        {
            if (builder.Length > 1) builder.Append(',');
            builder.Append(System.Text.Json.JsonSerializer.Serialize(name)).Append(':').Append(JsonValue());
        }
        if (_random.Next(5) == 0) builder.Append(builder.Length > 1 ? "," : "").Append("\"unexpected\\u0000\":1");
        return builder.Append('}').ToString();
    }

    // No %00 here: Kestrel refuses it in a path with 400 itself, and the in-memory test server cannot even build such a request.
    public string PathSegment() => Pick(["x", "0", "-1", "99999999999", "%EF%BF%BE", "%EF%B7%90", "a%2Fb", "..", "%20", "UPPER", new string('z', 200)]);

    public string Handler() => Pick(["Nope", "%00", "Delete", "Publish", "Approve", "Preview", "a%EF%BF%BEb", "", "Remove"]);

    public int Next(int max) => _random.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string Long() => new(Pick(Texts.Where(t => t.Length > 0).ToArray())[0], _random.Next(1_000, 30_000));
}
