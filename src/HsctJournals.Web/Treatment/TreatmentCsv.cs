using System.Text;
using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// CSV exports of labs and events. The labs file uses the import header
/// (date,time,analyte,value,unit,note…), so an export can be imported again unchanged.
/// Cells are quoted when needed, and a leading =, +, - or @ in text is defused for spreadsheets.
/// </summary>
public static class TreatmentCsv
{
    public static string Labs(CourseSnapshot s)
    {
        var csv = new StringBuilder("date,time,analyte,value,unit,reference_low,reference_high,note,day,loinc,canonical_value,ucum\r\n");
        foreach (var l in s.Labs)
        {
            Row(csv, TreatmentText.Iso(l.Date), l.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), LabAnalyteCatalogue.Get(l.Analyte).Name,
                TreatmentText.Number(l.OriginalValue), l.OriginalUnit, Num(l.ReferenceLow), Num(l.ReferenceHigh), l.Note,
                s.DayLabel(l.Date), l.Loinc, TreatmentText.Number(l.Value), l.Ucum);
        }
        return csv.ToString();
    }

    public static string Events(CourseSnapshot s)
    {
        // value is canonical (°C for a fever); entered_as keeps a temperature as typed (domain/hsct.md §6).
        var csv = new StringBuilder("date,day,type,value,grade,product,detail,note,entered_as\r\n");
        foreach (var e in s.Events)
            Row(csv, TreatmentText.Iso(e.Date), s.DayLabel(e.Date), TreatmentEvents.Name(e.Type), Num(e.Value), e.Grade?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.Product is { } p ? TreatmentEvents.ProductName(p) : null, e.Detail, e.Note, e.EnteredAs);
        return csv.ToString();
    }

    private static string? Num(decimal? v) => v is { } x ? TreatmentText.Number(x) : null;

    private static void Row(StringBuilder csv, params string?[] cells)
    {
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // Spreadsheet formula injection: text starting with = + - @ is prefixed with '. Numbers never reach here negative.
        if (value[0] is '=' or '+' or '@' || (value[0] == '-' && !decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
