using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>Adds and removes regimen lines (domain/hsct.md §3): a record of what the clinic gave, not advice. Shared by the pages and the API; errors are keyed by input property name.</summary>
public sealed class DrugLineEditor(JournalsDbContext db, CourseStore store)
{
    public async Task<EditResult<DrugLine>> AddDrugAsync(TreatmentCourse course, DrugInput input, CancellationToken ct)
    {
        await store.EnsureSavedAsync(course, ct);
        var errors = new FieldErrors();
        var name = TreatmentText.Clean(input.GenericName, 120, nameof(input.GenericName), errors);
        if (name is null && !errors.Any) errors.Add(nameof(input.GenericName), "Give the drug's generic name, e.g. cyclophosphamide.");
        var brand = TreatmentText.Clean(input.Brand, 120, nameof(input.Brand), errors);
        var dose = TreatmentText.ParseDecimal(input.Dose, nameof(input.Dose), "The dose", errors, 0.0001m, 1_000_000m);
        var unit = TreatmentText.Clean(input.Unit, 40, nameof(input.Unit), errors);
        if (dose is not null && unit is null) errors.Add(nameof(input.Unit), "Give the dose's unit, e.g. mg/kg or g/m².");
        var weight = TreatmentText.ParseDecimal(input.WeightKg, nameof(input.WeightKg), "The weight", errors, 1m, 400m);
        var height = TreatmentText.ParseDecimal(input.HeightCm, nameof(input.HeightCm), "The height", errors, 30m, 250m);
        var route = TreatmentText.Clean(input.Route, 40, nameof(input.Route), errors);
        var start = TreatmentText.ParseDate(input.StartDate, nameof(input.StartDate), "The start date", errors);
        var end = TreatmentText.ParseDate(input.EndDate, nameof(input.EndDate), "The end date", errors);
        if (start is not null && end < start) errors.Add(nameof(input.EndDate), "The end date is before the start date.");
        if (!Enum.IsDefined(input.Purpose)) errors.Add(nameof(input.Purpose), "Choose mobilisation, conditioning or supportive.");
        if (!Enum.IsDefined(input.Basis)) errors.Add(nameof(input.Basis), "Choose per kg, per m² or flat.");
        if (errors.Any) return errors.Fail<DrugLine>();
        var line = new DrugLine
        {
            CourseId = course.Id, Purpose = input.Purpose, GenericName = name!, Brand = brand, Dose = dose, Unit = unit,
            Basis = input.Basis, WeightKg = weight, HeightCm = height, Route = route, StartDate = start, EndDate = end,
        };
        db.DrugLines.Add(line);
        await store.SaveAsync(course, ct);
        return EditResult<DrugLine>.Ok(line);
    }

    /// <summary>Deletes one regimen line of the course.</summary>
    public async Task RemoveAsync(TreatmentCourse course, int id, CancellationToken ct)
    {
        if (await db.DrugLines.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct) > 0) await store.ChangedAsync(course, ct);
    }
}
