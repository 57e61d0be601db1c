using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>Removes a stored lab value (values are added through <see cref="LabImporter"/>).</summary>
public sealed class LabResultEditor(JournalsDbContext db, CourseStore store)
{
    /// <summary>Deletes one lab value of the course.</summary>
    public async Task RemoveAsync(TreatmentCourse course, int id, CancellationToken ct)
    {
        if (await db.LabResults.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct) > 0) await store.ChangedAsync(course, ct);
    }
}
