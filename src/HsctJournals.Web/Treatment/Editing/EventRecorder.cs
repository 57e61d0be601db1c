using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>Records events and scores (checked by <see cref="TreatmentEvents"/>), settles a transfusion's coded product, removes events. Shared by the pages and the API; errors are keyed by input property name.</summary>
public sealed class EventRecorder(JournalsDbContext db, CourseStore store, TimeProvider clock)
{
    public async Task<EditResult<TreatmentEvent>> AddEventAsync(TreatmentCourse course, EventInput input, CancellationToken ct)
    {
        await store.EnsureSavedAsync(course, ct);
        var result = TreatmentEvents.Validate(input);
        if (!result.Succeeded) return result;
        var e = result.Value!;
        e.CourseId = course.Id;
        e.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.TreatmentEvents.Add(e);
        await store.SaveAsync(course, ct);
        return result;
    }

    /// <summary>
    /// Sets the coded product of a recorded transfusion: how the owner settles a row whose free text
    /// the migration to coded products could not read (domain/hsct.md §5).
    /// </summary>
    public async Task<EditResult<TreatmentEvent>> SetTransfusionProductAsync(TreatmentCourse course, int eventId, TransfusionProduct? product, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var e = await db.TreatmentEvents.FirstOrDefaultAsync(x => x.Id == eventId && x.CourseId == course.Id && x.Type == TreatmentEventType.Transfusion, ct);
        if (e is null) errors.Add("Product", "That transfusion is not in this course.");
        else if (product is not { } p || !Enum.IsDefined(p)) errors.Add("Product", "Choose platelets, red cells, plasma or other.");
        if (errors.Any) return errors.Fail<TreatmentEvent>();
        e!.Product = product;
        await store.SaveAsync(course, ct);
        return EditResult<TreatmentEvent>.Ok(e);
    }

    /// <summary>Deletes one event of the course.</summary>
    public async Task RemoveAsync(TreatmentCourse course, int id, CancellationToken ct)
    {
        if (await db.TreatmentEvents.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct) > 0) await store.ChangedAsync(course, ct);
    }
}
