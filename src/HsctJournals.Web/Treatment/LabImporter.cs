using System.Runtime.CompilerServices;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Stores lab rows from the daily form, a CSV/TSV file or the API, with a report per row.
/// Rows already stored (same date, time, analyte, value and unit) are skipped, so importing the
/// same file twice changes nothing. Values the plausibility rule questions are only stored when
/// the person confirmed them (domain/hsct.md §6: queried, never silently stored).
/// </summary>
public sealed class LabImporter(JournalsDbContext db, TimeProvider clock, Caching.PageCacheEviction cache)
{
    private const int BatchSize = 500;

    /// <summary>
    /// The daily form: all rows or none. Blank rows are ignored; if any row has an error or an
    /// unconfirmed question nothing is stored and the report says why per row.
    /// </summary>
    public async Task<LabImportReport> SaveAllOrNothingAsync(int courseId, IReadOnlyList<LabRowInput> rows, bool confirmed, CancellationToken ct)
    {
        var report = new LabImportReport();
        var now = clock.GetUtcNow().UtcDateTime;
        var checkedRows = rows.Select((r, i) => (Index: i + 1, Row: r)).Where(r => !r.Row.IsBlank)
            .Select(r => (r.Index, Checked: LabRows.Check(courseId, r.Row, now))).ToList();
        if (checkedRows.Count == 0)
        {
            report.FileError = "Enter at least one value.";
            return report;
        }
        var blocked = checkedRows.Any(r => r.Checked.Error is not null || (r.Checked.Questions.Count > 0 && !confirmed));
        if (blocked)
        {
            foreach (var (index, c) in checkedRows)
                report.Add(c.Error is not null ? new LabRowOutcome(index, LabRowStatus.Error, c.Error)
                    : c.Questions.Count > 0 && !confirmed ? new LabRowOutcome(index, LabRowStatus.Question, string.Join(" ", c.Questions.Select(q => q.Text)))
                    : new LabRowOutcome(index, LabRowStatus.Error, "Not stored yet: fix or confirm the other rows first."));
            report.Imported = 0;
            return report;
        }
        await StoreAsync(courseId, Lines(checkedRows.Select(r => (r.Index, r.Checked))), confirmed, report, ct);
        return report;
    }

    /// <summary>CSV/TSV text: the header is checked first (a wrong header imports nothing), then rows stream in batches.</summary>
    public async Task<LabImportReport> ImportCsvAsync(int courseId, TextReader reader, bool confirmQuestions, CancellationToken ct)
    {
        var report = new LabImportReport();
        var (header, error) = await LabCsvReader.ReadHeaderAsync(reader);
        if (header is null)
        {
            report.FileError = error;
            return report;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await StoreAsync(courseId, Checked(LabCsvReader.ReadRowsAsync(reader, header, ct), courseId, now, report, ct), confirmQuestions, report, ct);
        return report;
    }

    /// <summary>JSON rows from the API, each on its own like a CSV row.</summary>
    public async Task<LabImportReport> ImportRowsAsync(int courseId, IReadOnlyList<LabRowInput> rows, bool confirmQuestions, CancellationToken ct)
    {
        var report = new LabImportReport();
        var now = clock.GetUtcNow().UtcDateTime;
        await StoreAsync(courseId, Lines(rows.Select((r, i) => (i + 1, LabRows.Check(courseId, r, now)))), confirmQuestions, report, ct);
        return report;
    }

    private static async IAsyncEnumerable<(int Row, LabRows.Checked Checked)> Lines(IEnumerable<(int, LabRows.Checked)> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask;
    }

    private static async IAsyncEnumerable<(int Row, LabRows.Checked Checked)> Checked(
        IAsyncEnumerable<LabCsvReader.Line> lines, int courseId, DateTime now, LabImportReport report, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var line in lines.WithCancellation(ct))
        {
            if (line.Row is null)
            {
                if (line.Error!.StartsWith("Stopped", StringComparison.Ordinal)) report.FileError = line.Error;
                else yield return (line.Number, new LabRows.Checked(null, line.Error, []));
                continue;
            }
            yield return (line.Number, LabRows.Check(courseId, line.Row, now));
        }
    }

    private async Task StoreAsync(int courseId, IAsyncEnumerable<(int Row, LabRows.Checked Checked)> rows, bool confirmed, LabImportReport report, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<(int Row, LabResult Result, string Message)>();
        await foreach (var (row, c) in rows.WithCancellation(ct))
        {
            if (c.Error is not null) { report.Add(new LabRowOutcome(row, LabRowStatus.Error, c.Error)); continue; }
            var result = c.Result!;
            if (c.Questions.Count > 0 && !confirmed)
            {
                report.Add(new LabRowOutcome(row, LabRowStatus.Question, string.Join(" ", c.Questions.Select(q => q.Text)) + " Not stored: check it, or confirm to store it as entered."));
                continue;
            }
            if (!seen.Add(result.NaturalKey)) { report.Add(new LabRowOutcome(row, LabRowStatus.Duplicate, "Same as an earlier row in this import; skipped.")); continue; }
            batch.Add((row, result, Describe(result)));
            if (batch.Count >= BatchSize) await FlushAsync(courseId, batch, report, ct);
        }
        await FlushAsync(courseId, batch, report, ct);
        // Charts embedded in posts show labs: evict the journal's pages once per import.
        if (report.Imported > 0)
            await cache.JournalChangedAsync(await db.TreatmentCourses.Where(c => c.Id == courseId).Select(c => c.JournalId).FirstAsync(ct), ct);
    }

    private async Task FlushAsync(int courseId, List<(int Row, LabResult Result, string Message)> batch, LabImportReport report, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var keys = batch.Select(b => b.Result.NaturalKey).ToList();
        var existing = (await db.LabResults.Where(l => l.CourseId == courseId && keys.Contains(l.NaturalKey))
            .Select(l => l.NaturalKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = batch.Where(b => !existing.Contains(b.Result.NaturalKey)).ToList();
        db.LabResults.AddRange(fresh.Select(b => b.Result));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another import stored some of the same rows at the same moment: store the rest one by one.
            Forget(fresh.Select(b => b.Result));
            foreach (var b in fresh)
            {
                b.Result.Id = 0;
                db.LabResults.Add(b.Result);
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateException) { Forget([b.Result]); existing.Add(b.Result.NaturalKey); }
            }
        }
        foreach (var b in batch.OrderBy(b => b.Row))
            report.Add(existing.Contains(b.Result.NaturalKey)
                ? new LabRowOutcome(b.Row, LabRowStatus.Duplicate, "Already stored; skipped.")
                : new LabRowOutcome(b.Row, LabRowStatus.Imported, b.Message));
        // Stored rows are let go so a long import does not keep them all tracked.
        Forget(batch.Select(b => b.Result));
        batch.Clear();
    }

    /// <summary>
    /// Stops tracking this import's rows only. Not <c>ChangeTracker.Clear()</c>: the context is the
    /// request's, and clearing it would detach what the caller loaded in the same scope (a course
    /// being edited would silently lose its changes).
    /// </summary>
    private void Forget(IEnumerable<LabResult> results)
    {
        foreach (var r in results) db.Entry(r).State = EntityState.Detached;
    }

    private static string Describe(LabResult r) =>
        $"{Domain.Treatment.LabAnalyteCatalogue.Get(r.Analyte).Name} {TreatmentText.Number(r.OriginalValue)} {r.OriginalUnit} on {TreatmentText.Iso(r.Date)}";
}
