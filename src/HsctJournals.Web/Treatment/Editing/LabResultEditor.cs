using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Corrects or removes a stored lab value (values are added through <see cref="LabImporter"/>).
/// A correction goes through the same checks as a new value (<see cref="LabRows"/>, domain/hsct.md §6).
/// </summary>
public sealed class LabResultEditor(JournalsDbContext db, CourseStore store, TimeProvider clock)
{
    /// <summary>What a correction came to: not found, refused (with the reason), a question to confirm, or the stored value.</summary>
    public sealed record Outcome(bool Found, LabResult? Updated, string? Error, string? Question);

    /// <summary>The stored value as the rows of the forms and CSV write it, for an edit form.</summary>
    public static LabRowInput ToInput(LabResult l) => new()
    {
        Date = TreatmentText.Iso(l.Date), Time = l.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        Analyte = Domain.Treatment.LabAnalyteCatalogue.Get(l.Analyte).Name, Value = TreatmentText.Number(l.OriginalValue),
        Unit = l.OriginalUnit, ReferenceLow = l.ReferenceLow is { } lo ? TreatmentText.Number(lo) : null,
        ReferenceHigh = l.ReferenceHigh is { } hi ? TreatmentText.Number(hi) : null, Note = l.Note,
    };

    /// <summary>Replaces one lab value of the course with <paramref name="row"/>; questioned values need <paramref name="confirmed"/>.</summary>
    public async Task<Outcome> UpdateAsync(TreatmentCourse course, int id, LabRowInput row, bool confirmed, CancellationToken ct)
    {
        var stored = await db.LabResults.FirstOrDefaultAsync(l => l.CourseId == course.Id && l.Id == id, ct);
        if (stored is null) return new Outcome(false, null, null, null);
        var checkedRow = LabRows.Check(course.Id, row, clock.GetUtcNow().UtcDateTime);
        if (checkedRow.Error is not null) return new Outcome(true, null, checkedRow.Error, null);
        if (checkedRow.Questions.Count > 0 && !confirmed)
            return new Outcome(true, null, null, string.Join(" ", checkedRow.Questions.Select(q => q.Text)));
        var r = checkedRow.Result!;
        if (r.NaturalKey != stored.NaturalKey && await db.LabResults.AnyAsync(l => l.CourseId == course.Id && l.NaturalKey == r.NaturalKey, ct))
            return new Outcome(true, null, SameAsAnother, null);
        (stored.Date, stored.Time, stored.Analyte, stored.OriginalValue, stored.OriginalUnit, stored.Value) = (r.Date, r.Time, r.Analyte, r.OriginalValue, r.OriginalUnit, r.Value);
        (stored.Loinc, stored.Ucum, stored.ReferenceLow, stored.ReferenceHigh, stored.Note, stored.NaturalKey) = (r.Loinc, r.Ucum, r.ReferenceLow, r.ReferenceHigh, r.Note, r.NaturalKey);
        try
        {
            await store.SaveAsync(course, ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same value was stored by another request between the check and the save.
            db.ChangeTracker.Clear();
            return new Outcome(true, null, SameAsAnother, null);
        }
        return new Outcome(true, stored, null, null);
    }

    /// <summary>Deletes one lab value of the course.</summary>
    public async Task RemoveAsync(TreatmentCourse course, int id, CancellationToken ct)
    {
        if (await db.LabResults.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct) > 0) await store.ChangedAsync(course, ct);
    }

    private const string SameAsAnother = "Another stored value has the same date, time, blood value, number and unit; remove one of them instead.";
}
