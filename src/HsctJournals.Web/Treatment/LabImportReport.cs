namespace HsctJournals.Web.Treatment;

/// <summary>What happened to one row of an import or a daily entry.</summary>
public enum LabRowStatus { Imported, Duplicate, Question, Error }

/// <summary>One row's outcome; <see cref="Row"/> is the line number in a file, or the form row.</summary>
public sealed record LabRowOutcome(int Row, LabRowStatus Status, string Message);

/// <summary>
/// The per-row report of an import (issue 4: "a report per row of what was imported or why not").
/// Counts cover every row; <see cref="Rows"/> keeps the first <see cref="MaxListedRows"/> so a
/// 100,000-row file does not produce a 100,000-item page.
/// </summary>
public sealed class LabImportReport
{
    public const int MaxListedRows = 1000;
    public List<LabRowOutcome> Rows { get; } = [];
    public int Total { get; set; }
    public int Imported { get; set; }
    public int Duplicates { get; set; }
    public int Questions { get; set; }
    public int Errors { get; set; }
    /// <summary>Why the whole file was refused (wrong header), or why it stopped early.</summary>
    public string? FileError { get; set; }

    public void Add(LabRowOutcome outcome)
    {
        Total++;
        switch (outcome.Status)
        {
            case LabRowStatus.Imported: Imported++; break;
            case LabRowStatus.Duplicate: Duplicates++; break;
            case LabRowStatus.Question: Questions++; break;
            default: Errors++; break;
        }
        if (Rows.Count < MaxListedRows) Rows.Add(outcome);
    }

    public string Summary =>
        FileError is not null && Total == 0 ? FileError
        : $"{Total} rows: {Imported} imported, {Duplicates} already stored, {Questions} need confirmation, {Errors} with errors."
          + (FileError is null ? "" : " " + FileError);
}
