using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>Adds and removes prior disease-modifying therapies (domain/hsct.md §9). Shared by the pages and the API; errors are keyed by input property name.</summary>
public sealed class PriorTherapyEditor(JournalsDbContext db, CourseStore store)
{
    public async Task<EditResult<PriorTherapy>> AddPriorTherapyAsync(TreatmentCourse course, PriorTherapyInput input, CancellationToken ct)
    {
        await store.EnsureSavedAsync(course, ct);
        var errors = new FieldErrors();
        var name = TreatmentText.Clean(input.GenericName, 120, nameof(input.GenericName), errors);
        if (name is null && !errors.Any) errors.Add(nameof(input.GenericName), "Give the generic name, e.g. ocrelizumab.");
        var brand = TreatmentText.Clean(input.Brand, 120, nameof(input.Brand), errors);
        var started = TreatmentText.ParseDate(input.Started, nameof(input.Started), "The start date", errors);
        var stopped = TreatmentText.ParseDate(input.Stopped, nameof(input.Stopped), "The stop date", errors);
        var last = TreatmentText.ParseDate(input.LastDose, nameof(input.LastDose), "The last dose date", errors);
        var reason = TreatmentText.Clean(input.ReasonStopped, 300, nameof(input.ReasonStopped), errors);
        if (started is not null && stopped < started) errors.Add(nameof(input.Stopped), "The stop date is before the start date.");
        if (started is not null && last < started) errors.Add(nameof(input.LastDose), "The last dose is before the start date.");
        if (errors.Any) return errors.Fail<PriorTherapy>();
        var therapy = new PriorTherapy { CourseId = course.Id, GenericName = name!, Brand = brand, Started = started, Stopped = stopped, LastDose = last, ReasonStopped = reason };
        db.PriorTherapies.Add(therapy);
        await store.SaveAsync(course, ct);
        return EditResult<PriorTherapy>.Ok(therapy);
    }

    /// <summary>Deletes one prior therapy of the course.</summary>
    public async Task RemoveAsync(TreatmentCourse course, int id, CancellationToken ct)
    {
        if (await db.PriorTherapies.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct) > 0) await store.ChangedAsync(course, ct);
    }
}
