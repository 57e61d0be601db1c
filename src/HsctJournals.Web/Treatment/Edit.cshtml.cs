using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>The owner edits the course: facts and Day 0, phases (checked by <see cref="PhaseMachine"/>), regimen and prior DMTs.</summary>
public sealed class EditModel(TreatmentAccess access, CourseDetailsEditor details, PhaseRecorder phases, DrugLineEditor drugs, PriorTherapyEditor therapies, JournalsDbContext db) : TreatmentOwnerPage(access)
{
    [BindProperty] public CourseInput Input { get; set; } = new();
    [BindProperty] public PhaseInput PhaseForm { get; set; } = new();
    [BindProperty] public DrugInput Drug { get; set; } = new();
    [BindProperty] public PriorTherapyInput Therapy { get; set; } = new();
    public List<PhaseRecord> Phases { get; private set; } = [];
    public List<DrugLine> Drugs { get; private set; } = [];
    public List<PriorTherapy> Therapies { get; private set; } = [];
    public string? Saved { get; private set; }
    public string? PhaseError { get; private set; }

    public IReadOnlyList<Phase> AllowedNext => Phases.Count == 0 ? [PhaseMachine.First] : PhaseMachine.AllowedNext(Phases[^1].Phase);

    public async Task<IActionResult> OnGetAsync(string journal, string? saved, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        Input = CourseInput.From(Course);
        Saved = saved;
        await LoadListsAsync(ct);
        PhaseForm.Phase = AllowedNext.FirstOrDefault(PhaseMachine.First);
        return Page();
    }

    public async Task<IActionResult> OnPostCourseAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        // Sharing has its own page: whatever arrives for it here is ignored, not reported.
        Input.Sharing = null;
        ModelState.Remove($"{nameof(Input)}.{nameof(CourseInput.Sharing)}");
        // A first day that is not a whole number is reported and the course left as it was (it would bind as empty).
        ModelState.Rephrase($"{nameof(Input)}.{nameof(CourseInput.ProtocolFirstDay)}", "Enter a whole number, e.g. 1 or -2.");
        if (!ModelState.IsValid) return await RedisplayAsync(ct, keepCourseInput: true);
        var result = await details.UpdateCourseAsync(Course, Input, ct);
        if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/treatment/edit?saved=course");
        AddErrors(nameof(Input), result.Errors);
        return await RedisplayAsync(ct, keepCourseInput: true);
    }

    public async Task<IActionResult> OnPostPhaseAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        // A phase that did not bind would be the first one (evaluation): it is asked for again instead.
        ModelState.Rephrase($"{nameof(PhaseForm)}.{nameof(PhaseInput.Phase)}", "Choose a phase from the list.");
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        var result = await phases.AddPhaseAsync(Course, PhaseForm, ct);
        if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/treatment/edit?saved=phase#phases");
        AddErrors(nameof(PhaseForm), result.Errors);
        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostPhaseDatesAsync(string journal, int id, string? planned, string? started, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        var result = await phases.UpdatePhaseAsync(Course, id, new PhaseInput { Planned = planned, Started = started }, ct);
        if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/treatment/edit?saved=phase#phases");
        PhaseError = string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveLastPhaseAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        await phases.RemoveLastPhaseAsync(Course, ct);
        return Redirect($"/j/{Journal.Slug}/treatment/edit?saved=phase#phases");
    }

    public async Task<IActionResult> OnPostDrugAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        // A purpose or basis that did not bind would be stored as the first one: it is asked for again instead.
        ModelState.Rephrase($"{nameof(Drug)}.{nameof(DrugInput.Purpose)}", "Choose what the drug was given for from the list.");
        ModelState.Rephrase($"{nameof(Drug)}.{nameof(DrugInput.Basis)}", "Choose a dose basis from the list.");
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        var result = await drugs.AddDrugAsync(Course, Drug, ct);
        if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/treatment/edit?saved=drug#regimen");
        AddErrors(nameof(Drug), result.Errors);
        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostTherapyAsync(string journal, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        var result = await therapies.AddPriorTherapyAsync(Course, Therapy, ct);
        if (result.Succeeded) return Redirect($"/j/{Journal.Slug}/treatment/edit?saved=therapy#prior-dmts");
        AddErrors(nameof(Therapy), result.Errors);
        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string journal, string kind, int id, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        if (HasCourse && kind == "drug") await drugs.RemoveAsync(Course, id, ct);
        else if (HasCourse && kind == "therapy") await therapies.RemoveAsync(Course, id, ct);
        return Redirect($"/j/{Journal.Slug}/treatment/edit?saved=removed");
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct, bool keepCourseInput = false)
    {
        if (!keepCourseInput) Input = CourseInput.From(Course);
        await LoadListsAsync(ct);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        if (!HasCourse) return;
        Phases = await db.TreatmentPhases.AsNoTracking().Where(p => p.CourseId == Course.Id).OrderBy(p => p.Id).ToListAsync(ct);
        Drugs = await db.DrugLines.AsNoTracking().Where(p => p.CourseId == Course.Id).OrderBy(p => p.Purpose).ThenBy(p => p.Id).ToListAsync(ct);
        Therapies = await db.PriorTherapies.AsNoTracking().Where(p => p.CourseId == Course.Id).OrderBy(p => p.Id).ToListAsync(ct);
    }
}
