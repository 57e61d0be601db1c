using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>The owner records events and scores, and keeps the follow-up schedule with its calendar subscription.</summary>
public sealed class EventsModel(TreatmentAccess access, EventRecorder events, FollowUpEditor followUps, JournalsDbContext db) : TreatmentOwnerPage(access)
{
    [BindProperty] public EventInput Event { get; set; } = new();
    [BindProperty] public FollowUpInput FollowUp { get; set; } = new();
    public List<TreatmentEvent> Events { get; private set; } = [];
    public List<FollowUpItem> FollowUps { get; private set; } = [];
    public string? Saved { get; private set; }
    public string? CalendarUrl { get; private set; }
    public string? FollowUpError { get; private set; }
    /// <summary>The transfusion whose product could not be saved, and why.</summary>
    public (int Id, string Message)? ProductError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, string? saved, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        Saved = saved;
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEventAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        // A type, scale, grade or product that did not bind is an error to show, not a default to store.
        if (ModelState.IsValid)
        {
            var result = await events.AddEventAsync(Course, Event, ct);
            if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/treatment/events?saved=event");
            AddErrors(nameof(Event), result.Errors);
        }
        await LoadListsAsync(ct);
        return Page();
    }

    /// <summary>Settles the product of a transfusion recorded before products were coded.</summary>
    public async Task<IActionResult> OnPostProductAsync(string journal, int id, TransfusionProduct? product, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        var result = await events.SetTransfusionProductAsync(Course, id, product, ct);
        if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/treatment/events?saved=product#events");
        ProductError = (id, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFollowUpAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        var result = await followUps.AddFollowUpAsync(Course, FollowUp, ct);
        if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/treatment/events?saved=followup#follow-up");
        AddErrors(nameof(FollowUp), result.Errors);
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateFollowUpAsync(string journal, int id, string? title, string? due, string? note, bool done, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        var result = await followUps.UpdateFollowUpAsync(Course, id, new FollowUpInput { Title = title, Due = due, Note = note }, done, ct);
        if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/treatment/events?saved=followup#follow-up");
        FollowUpError = string.Join(" ", result.Errors.SelectMany(e => e.Value));
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTemplateAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        if (Course.DayZero is null)
        {
            FollowUpError = "Set Day 0 on the course first: the template's dates are counted from it.";
            await LoadListsAsync(ct);
            return Page();
        }
        await followUps.AddFollowUpTemplateAsync(Course, ct);
        return Redirect($"/j/{Journal.Slug}/treatment/events?saved=template#follow-up");
    }

    public async Task<IActionResult> OnPostCalendarAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        var secret = await followUps.ResetCalendarTokenAsync(Course, ct);
        CalendarUrl = HttpContext.Site().Link($"/treatment/calendar/{secret}.ics");
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string journal, string kind, int id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        if (HasCourse && kind == "event") await events.RemoveAsync(Course, id, ct);
        else if (HasCourse && kind == "followup") await followUps.RemoveAsync(Course, id, ct);
        return Redirect($"/j/{Journal.Slug}/treatment/events?saved=removed");
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        if (!HasCourse) return;
        Events = (await db.TreatmentEvents.AsNoTracking().Where(e => e.CourseId == Course.Id).ToListAsync(ct)).OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToList();
        FollowUps = await db.FollowUpItems.AsNoTracking().Where(f => f.CourseId == Course.Id).OrderBy(f => f.Due).ThenBy(f => f.Id).ToListAsync(ct);
    }
}
