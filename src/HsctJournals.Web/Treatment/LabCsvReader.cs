using System.Runtime.CompilerServices;
using System.Text;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Reads lab CSV/TSV (issue 4): a header row with <c>date,analyte,value,unit</c> and optional
/// <c>time,note</c> (and <c>reference_low,reference_high</c>), in any order, case-insensitive.
/// The delimiter (comma, tab or semicolon) is taken from the header; a BOM is skipped; double
/// quotes work as in RFC 4180 within a line. Rows are streamed, so a large file never sits in
/// memory, and a row with the wrong number of fields (e.g. mixed delimiters) is an error for that
/// row only.
/// </summary>
public static class LabCsvReader
{
    /// <summary>A file stops after this many rows, saying so, rather than running for ever.</summary>
    public const int MaxRows = 200_000;

    private static readonly string[] Required = ["date", "analyte", "value", "unit"];
    private static readonly string[] Optional = ["time", "note", "reference_low", "reference_high"];

    // domain/hsct.md §6 round trip: the columns the app's own export adds. day is read and ignored
    // (it follows the Day 0 of the course imported into); the others are checked by LabRows.
    private static readonly string[] ExportOnly = ["day", "loinc", "canonical_value", "ucum"];

    /// <summary>A quoted field may span lines (a note with a line break); a runaway quote stops after this many.</summary>
    private const int MaxLinesPerRow = 20;

    /// <summary>One data row: its line number and either the fields or why the line cannot be read.</summary>
    public sealed record Line(int Number, LabRowInput? Row, string? Error);

    /// <summary>Parsed header: the delimiter and the column of each known name.</summary>
    public sealed record Header(char Delimiter, IReadOnlyDictionary<string, int> Columns, int Count);

    /// <summary>Reads the header, or says what is wrong with it (nothing is imported then).</summary>
    public static async Task<(Header? Header, string? Error)> ReadHeaderAsync(TextReader reader)
    {
        string? line;
        do
        {
            line = await reader.ReadLineAsync();
            if (line is null) return (null, "The file is empty. The first row must be the header date,analyte,value,unit (time and note optional).");
        } while (string.IsNullOrWhiteSpace(line));
        line = line.TrimStart('\uFEFF');
        var delimiter = line.Contains('\t') ? '\t' : line.Contains(',') ? ',' : line.Contains(';') ? ';' : ',';
        var names = Split(line, delimiter);
        if (names is null) return (null, "The header row has an unclosed quote.");
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().ToLowerInvariant().Replace(' ', '_');
            if (!Required.Contains(name) && !Optional.Contains(name) && !ExportOnly.Contains(name))
                return (null, $"Unknown column \"{names[i].Trim()}\" in the header. Use date,analyte,value,unit and optionally time,note,reference_low,reference_high (and the export's day,loinc,canonical_value,ucum).");
            if (!columns.TryAdd(name, i)) return (null, $"The column \"{name}\" appears twice in the header.");
        }
        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
            return (null, $"The header is missing {string.Join(", ", missing)}. The first row must name the columns: date,analyte,value,unit (time and note optional).");
        return (new Header(delimiter, columns, names.Count), null);
    }

    /// <summary>The data rows after the header; blank lines are skipped.</summary>
    public static async IAsyncEnumerable<Line> ReadRowsAsync(TextReader reader, Header header, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var number = 1;
        var rows = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (++rows > MaxRows)
            {
                yield return new Line(number, null, $"Stopped: a file may have at most {MaxRows} rows. Rows from line {number} on were not read.");
                yield break;
            }
            var first = number;
            var fields = Split(line, header.Delimiter);
            for (var extra = 1; fields is null && extra < MaxLinesPerRow && await reader.ReadLineAsync(ct) is { } next; extra++)
            {
                number++;
                line += "\n" + next;
                fields = Split(line, header.Delimiter);
            }
            if (fields is null) { yield return new Line(first, null, "This line has an unclosed quote."); continue; }
            if (fields.Count != header.Count)
            {
                var other = header.Delimiter == ',' ? (line.Contains('\t') ? "tabs" : line.Contains(';') ? "semicolons" : null)
                    : header.Delimiter == '\t' ? (line.Contains(',') ? "commas" : null) : null;
                yield return new Line(first, null, $"Expected {header.Count} fields separated by {Name(header.Delimiter)} as in the header, found {fields.Count}"
                    + (other is null ? "." : $" (this line seems to use {other})."));
                continue;
            }
            string? Get(string name) => header.Columns.TryGetValue(name, out var i) ? Undefused(fields[i]) : null;
            yield return new Line(first, new LabRowInput
            {
                Date = Get("date"), Time = Get("time"), Analyte = Get("analyte"), Value = Get("value"), Unit = Get("unit"),
                Note = Get("note"), ReferenceLow = Get("reference_low"), ReferenceHigh = Get("reference_high"),
                Loinc = Get("loinc"), CanonicalValue = Get("canonical_value"), Ucum = Get("ucum"),
            }, null);
        }
    }

    /// <summary>
    /// Undoes the export's spreadsheet-formula guard (<see cref="TreatmentCsv"/> writes '=… for text
    /// starting with = + - @), so an exported note reads back as it was.
    /// </summary>
    internal static string Undefused(string field) =>
        field.Length > 1 && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' ? field[1..] : field;

    private static string Name(char delimiter) => delimiter switch { '\t' => "tabs", ';' => "semicolons", _ => "commas" };

    /// <summary>Splits one line; null when a quote is not closed.</summary>
    internal static List<string>? Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.ToString().Trim().Length == 0) { field.Clear(); quoted = true; }
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) return null;
        fields.Add(field.ToString());
        return fields;
    }
}
