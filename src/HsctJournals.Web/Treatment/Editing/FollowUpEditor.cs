using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>The follow-up and revaccination schedule (domain/hsct.md §8) and its secret calendar address. Shared by the pages and the API; errors are keyed by input property name.</summary>
public sealed class FollowUpEditor(JournalsDbContext db, CourseStore store)
{
    public async Task<EditResult<FollowUpItem>> AddFollowUpAsync(TreatmentCourse course, FollowUpInput input, CancellationToken ct)
    {
        await store.EnsureSavedAsync(course, ct);
        var errors = new FieldErrors();
        var title = TreatmentText.Clean(input.Title, 200, nameof(input.Title), errors);
        if (title is null && !errors.Any) errors.Add(nameof(input.Title), "What is it, e.g. \"6-month review and MRI\"?");
        var due = TreatmentText.ParseDate(input.Due, nameof(input.Due), "The date", errors, required: true);
        var note = TreatmentText.Clean(input.Note, 500, nameof(input.Note), errors);
        if (errors.Any) return errors.Fail<FollowUpItem>();
        var item = new FollowUpItem { CourseId = course.Id, Title = title!, Due = due!.Value, Note = note, Uid = CourseStore.NewUid() };
        db.FollowUpItems.Add(item);
        await store.SaveAsync(course, ct);
        return EditResult<FollowUpItem>.Ok(item);
    }

    public async Task<EditResult<FollowUpItem>> UpdateFollowUpAsync(TreatmentCourse course, int id, FollowUpInput input, bool done, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var item = await db.FollowUpItems.FirstOrDefaultAsync(f => f.Id == id && f.CourseId == course.Id, ct);
        if (item is null) { errors.Add(nameof(input.Title), "That item is not in this course."); return errors.Fail<FollowUpItem>(); }
        var title = TreatmentText.Clean(input.Title, 200, nameof(input.Title), errors);
        if (title is null && !errors.Any) errors.Add(nameof(input.Title), "The title is empty.");
        var due = TreatmentText.ParseDate(input.Due, nameof(input.Due), "The date", errors, required: true);
        var note = TreatmentText.Clean(input.Note, 500, nameof(input.Note), errors);
        if (errors.Any) return errors.Fail<FollowUpItem>();
        item.Title = title!; item.Due = due!.Value; item.Note = note; item.Done = done;
        await store.SaveAsync(course, ct);
        return EditResult<FollowUpItem>.Ok(item);
    }

    /// <summary>
    /// Adds the §8 template as editable items. It is a starting point for the clinic's own
    /// schedule, worded as such — the app never imposes one.
    /// </summary>
    public async Task<int> AddFollowUpTemplateAsync(TreatmentCourse course, CancellationToken ct)
    {
        await store.EnsureSavedAsync(course, ct);
        if (course.DayZero is not { } zero) return 0;
        var items = FollowUpTemplate.Items(zero).Select(t => new FollowUpItem
        {
            CourseId = course.Id, Title = t.Title, Due = t.Due, Note = t.Note, Uid = CourseStore.NewUid(),
        }).ToList();
        db.FollowUpItems.AddRange(items);
        await store.SaveAsync(course, ct);
        return items.Count;
    }

    /// <summary>A new secret calendar address; any earlier address stops working.</summary>
    public async Task<string> ResetCalendarTokenAsync(TreatmentCourse course, CancellationToken ct)
    {
        await store.EnsureSavedAsync(course, ct);
        var secret = SecretTokens.New("cal_");
        course.CalendarTokenHash = SecretTokens.Hash(secret);
        await store.SaveAsync(course, ct);
        return secret;
    }

    /// <summary>Deletes one follow-up item of the course.</summary>
    public async Task RemoveAsync(TreatmentCourse course, int id, CancellationToken ct)
    {
        if (await db.FollowUpItems.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct) > 0) await store.ChangedAsync(course, ct);
    }
}
