using System.Text;
using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Lab entry for the owner: a quick daily form for several analytes at once, and CSV/TSV import
/// (paste or upload) with a report per row. Questioned values are stored only after "yes, store it".
/// </summary>
public sealed class LabsModel(TreatmentAccess access, CourseStore store, LabResultEditor labs, LabImporter importer, JournalsDbContext db,
    Journals.JournalTimeZone journalTimeZone, TimeProvider clock) : TreatmentOwnerPage(access)
{
    /// <summary>The most recent values listed under the forms.</summary>
    public const int ListedValues = 100;

    [BindProperty] public string? EntryDate { get; set; }
    [BindProperty] public string? EntryTime { get; set; }
    [BindProperty] public List<LabRowInput> Rows { get; set; } = [];
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty] public string? CsvText { get; set; }
    [BindProperty] public IFormFile? CsvFile { get; set; }
    [BindProperty] public bool ConfirmImport { get; set; }
    [BindProperty] public LabRowInput EditRow { get; set; } = new();
    [BindProperty] public bool ConfirmEdit { get; set; }

    /// <summary>The stored value being corrected, when the page was opened with ?edit=ID.</summary>
    public int? EditId { get; private set; }
    public string? EditError { get; private set; }
    public string? EditQuestion { get; private set; }

    public LabImportReport? EntryReport { get; private set; }
    public LabImportReport? ImportReport { get; private set; }
    public bool AskToConfirm { get; private set; }
    public string? Saved { get; private set; }
    public List<LabResult> Recent { get; private set; } = [];
    public int StoredCount { get; private set; }
    public DateOnly? DayZero => Course.DayZero;

    /// <summary>Units offered per analyte (any unit LabUnits knows is accepted when typed).</summary>
    public static string[] CommonUnits(LabAnalyte analyte) => analyte switch
    {
        LabAnalyte.Haemoglobin => ["g/dL", "g/L", "mmol/L"],
        LabAnalyte.NeutrophilPercent => ["%"],
        LabAnalyte.Cd4 or LabAnalyte.Cd34Blood => ["cells/µL", "10^9/L"],
        _ => ["10^9/L", "10^3/µL", "K/µL", "G/L", "cells/µL", "/mm³"],
    };

    public async Task<IActionResult> OnGetAsync(string journal, string? saved, int? edit, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        Saved = saved;
        Rows = BlankRows();
        await DefaultDateAsync(ct);
        if (edit is { } id && HasCourse)
        {
            var stored = await db.LabResults.AsNoTracking().FirstOrDefaultAsync(l => l.CourseId == Course.Id && l.Id == id, ct);
            if (stored is null) return NotFound();
            EditId = id;
            EditRow = LabResultEditor.ToInput(stored);
        }
        await LoadRecentAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(string journal, int id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        if (!HasCourse) return NotFound();
        var outcome = await labs.UpdateAsync(Course, id, EditRow, ConfirmEdit, ct);
        if (!outcome.Found) return NotFound();
        if (outcome.Updated is not null) return Redirect($"/j/{Journal.Slug}/treatment/labs?saved=updated#stored");
        // Keep what was typed and say why it was not stored.
        (EditId, EditError, EditQuestion) = (id, outcome.Error, outcome.Question);
        Rows = BlankRows();
        await DefaultDateAsync(ct);
        await LoadRecentAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEntryAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        await store.EnsureSavedAsync(Course, ct);
        foreach (var row in Rows) { row.Date = EntryDate; row.Time = EntryTime; }
        EntryReport = await importer.SaveAllOrNothingAsync(Course.Id, Rows, Confirm, ct);
        if (EntryReport.Imported > 0 || (EntryReport.Total > 0 && EntryReport.Errors == 0 && EntryReport.Questions == 0))
            return Redirect($"/j/{Journal.Slug}/treatment/labs?saved={EntryReport.Imported}");
        AskToConfirm = EntryReport.Questions > 0 && EntryReport.Rows.All(r => r.Status != LabRowStatus.Error || r.Message.StartsWith("Not stored yet", StringComparison.Ordinal));
        // Keep what was typed; the rows come back in catalogue order. A posted index need not be the same
        // analyte's index here, so the form must show the reordered rows, not the posted values by index.
        ModelState.Clear();
        // A client may send an analyte twice (or none); the first row of each is the one shown again.
        var typed = new Dictionary<string, LabRowInput>();
        foreach (var row in Rows) typed.TryAdd(row.Analyte ?? "", row);
        Rows = BlankRows().Select(r => typed.TryGetValue(r.Analyte!, out var t) ? t : r).ToList();
        await DefaultDateAsync(ct);
        await LoadRecentAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        await store.EnsureSavedAsync(Course, ct);
        Rows = BlankRows();
        await DefaultDateAsync(ct);
        if (CsvFile is { Length: > 0 })
        {
            using var reader = new StreamReader(CsvFile.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            ImportReport = await importer.ImportCsvAsync(Course.Id, reader, ConfirmImport, ct);
        }
        else if (!string.IsNullOrWhiteSpace(CsvText))
        {
            using var reader = new StringReader(CsvText);
            ImportReport = await importer.ImportCsvAsync(Course.Id, reader, ConfirmImport, ct);
        }
        else
        {
            ImportReport = new LabImportReport { FileError = "Paste the rows or choose a file to import." };
        }
        await LoadRecentAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string journal, int id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        if (HasCourse) await labs.RemoveAsync(Course, id, ct);
        return Redirect($"/j/{Journal.Slug}/treatment/labs?saved=removed#stored");
    }

    /// <summary>The blood was probably taken today, on the owner's calendar (domain/hsct.md §2), not the server's.</summary>
    private async Task DefaultDateAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(EntryDate)) return;
        var zone = await journalTimeZone.OwnerZoneAsync(Journal.Id, ct);
        EntryDate = TreatmentText.Iso(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime));
    }

    private static List<LabRowInput> BlankRows() =>
        LabAnalyteCatalogue.All.Select(d => new LabRowInput { Analyte = d.Name, Unit = CommonUnits(d.Analyte)[0] }).ToList();

    private async Task LoadRecentAsync(CancellationToken ct)
    {
        if (!HasCourse) return;
        StoredCount = await db.LabResults.CountAsync(l => l.CourseId == Course.Id, ct);
        Recent = await db.LabResults.AsNoTracking().Where(l => l.CourseId == Course.Id)
            .OrderByDescending(l => l.Date).ThenByDescending(l => l.Id).Take(ListedValues).ToListAsync(ct);
    }
}
