using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The owner's changes to a course, shared by the pages and the API. Clinical checks come from
/// the domain: the phase order from <see cref="PhaseMachine"/> (domain/hsct.md §1). Errors are
/// keyed by input property name.
/// </summary>
public sealed class CourseEditor(JournalsDbContext db, TimeProvider clock, Caching.PageCacheEviction cache)
{
    // Phases that happen before the cells go back, so they cannot start after Day 0 (§1, §2).
    private static readonly Phase[] BeforeDayZero =
        [Phase.Evaluation, Phase.Mobilisation, Phase.PoorMobilisation, Phase.Remobilisation, Phase.Apheresis, Phase.Storage, Phase.Conditioning];

    /// <summary>Saves the course fields (creating the course row if it is new).</summary>
    public async Task<EditResult<TreatmentCourse>> UpdateCourseAsync(TreatmentCourse course, CourseInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var condition = TreatmentText.Clean(input.Condition, 80, nameof(input.Condition), errors);
        var centre = TreatmentText.Clean(input.Centre, 120, nameof(input.Centre), errors);
        var country = TreatmentText.Clean(input.Country, 80, nameof(input.Country), errors);
        var protocol = TreatmentText.Clean(input.Protocol, 120, nameof(input.Protocol), errors);
        var dayZero = TreatmentText.ParseDate(input.DayZero, nameof(input.DayZero), "Day 0", errors);
        var protocolStart = TreatmentText.ParseDate(input.ProtocolStart, nameof(input.ProtocolStart), "The protocol start", errors);
        var declaredN = TreatmentText.ParseDate(input.DeclaredNeutrophilEngraftment, nameof(input.DeclaredNeutrophilEngraftment), "The declared neutrophil engraftment date", errors);
        var declaredP = TreatmentText.ParseDate(input.DeclaredPlateletEngraftment, nameof(input.DeclaredPlateletEngraftment), "The declared platelet engraftment date", errors);
        var firstDay = input.ProtocolFirstDay ?? 1;
        if (firstDay is < 0 or > 100) errors.Add(nameof(input.ProtocolFirstDay), "The protocol's first day number is between 0 and 100.");
        if (input.Sharing is { } s && !Enum.IsDefined(s)) errors.Add(nameof(input.Sharing), "Choose who may see the treatment data.");
        if (dayZero is { } zero)
        {
            if (declaredN < zero) errors.Add(nameof(input.DeclaredNeutrophilEngraftment), "Engraftment comes after Day 0.");
            if (declaredP < zero) errors.Add(nameof(input.DeclaredPlateletEngraftment), "Engraftment comes after Day 0.");
            if (protocolStart > zero) errors.Add(nameof(input.ProtocolStart), "The protocol start (admission) cannot be after Day 0.");
            if (course.Id != 0)
            {
                var phases = await db.TreatmentPhases.AsNoTracking().Where(p => p.CourseId == course.Id).ToListAsync(ct);
                if (DayZeroConflict(phases, zero) is { } conflict) errors.Add(nameof(input.DayZero), conflict);
            }
        }
        else if (declaredN is not null || declaredP is not null)
        {
            errors.Add(nameof(input.DayZero), "Enter Day 0 before an engraftment date.");
        }
        if (errors.Any) return errors.Fail<TreatmentCourse>();

        course.Condition = condition; course.Centre = centre; course.Country = country; course.Protocol = protocol;
        course.DayZero = dayZero; course.ProtocolStart = protocolStart; course.ProtocolFirstDay = firstDay;
        course.DeclaredNeutrophilEngraftment = declaredN; course.DeclaredPlateletEngraftment = declaredP;
        if (input.Sharing is { } sharing) course.Sharing = sharing;
        if (course.Id == 0 && course.CreatedAt == default) course.CreatedAt = clock.GetUtcNow().UtcDateTime;
        if (course.Id == 0 && db.Entry(course).State == EntityState.Detached) db.TreatmentCourses.Add(course);
        await SaveAsync(course, ct);
        return EditResult<TreatmentCourse>.Ok(course);
    }

    public async Task SetSharingAsync(TreatmentCourse course, TreatmentSharing sharing, CancellationToken ct)
    {
        if (!Enum.IsDefined(sharing)) return;
        course.Sharing = sharing;
        await SaveAsync(course, ct);
    }

    public async Task<EditResult<DrugLine>> AddDrugAsync(TreatmentCourse course, DrugInput input, CancellationToken ct)
    {
        await EnsureSavedAsync(course, ct);
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
        await SaveAsync(course, ct);
        return EditResult<DrugLine>.Ok(line);
    }

    public async Task<EditResult<PriorTherapy>> AddPriorTherapyAsync(TreatmentCourse course, PriorTherapyInput input, CancellationToken ct)
    {
        await EnsureSavedAsync(course, ct);
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
        await SaveAsync(course, ct);
        return EditResult<PriorTherapy>.Ok(therapy);
    }

    /// <summary>
    /// Records the next phase. <see cref="PhaseMachine"/> decides whether it may follow the last
    /// recorded one on that date; its reason is returned as the "Phase" error. Recording the
    /// reinfusion sets Day 0 to its date (§1: reinfusion = Day 0).
    /// </summary>
    public async Task<EditResult<PhaseRecord>> AddPhaseAsync(TreatmentCourse course, PhaseInput input, CancellationToken ct)
    {
        await EnsureSavedAsync(course, ct);
        var errors = new FieldErrors();
        var planned = TreatmentText.ParseDate(input.Planned, nameof(input.Planned), "The planned date", errors);
        var started = TreatmentText.ParseDate(input.Started, nameof(input.Started), "The actual date", errors);
        var note = TreatmentText.Clean(input.Note, 300, nameof(input.Note), errors);
        if (planned is null && started is null && !errors.Any) errors.Add(nameof(input.Started), "Give the date it started, or the date it is planned.");
        if (!Enum.IsDefined(input.Phase)) errors.Add(nameof(input.Phase), "Choose a phase.");
        if (errors.Any) return errors.Fail<PhaseRecord>();

        var record = new PhaseRecord { CourseId = course.Id, Phase = input.Phase, Planned = planned, Started = started, Note = note };
        var history = await db.TreatmentPhases.Where(p => p.CourseId == course.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var check = history.Count == 0
            ? PhaseMachine.CheckHistory([new PhaseEntry(record.Phase, record.EffectiveDate)])
            : PhaseMachine.Check(history[^1].Phase, history[^1].EffectiveDate, record.Phase, record.EffectiveDate);
        if (!check.IsAllowed) errors.Add(nameof(input.Phase), check.Reason!.Replace("Step 1: ", "", StringComparison.Ordinal));
        else if (course.DayZero is { } zero && BeforeDayZero.Contains(record.Phase) && record.EffectiveDate > zero)
            errors.Add(nameof(input.Phase), $"{record.Phase.Title()} cannot start on {TreatmentText.Iso(record.EffectiveDate)}, after Day 0 ({TreatmentText.Iso(zero)}). Change Day 0 first if it moved.");
        if (errors.Any) return errors.Fail<PhaseRecord>();

        db.TreatmentPhases.Add(record);
        if (record.Phase == Phase.Reinfusion) course.DayZero = record.EffectiveDate;
        await SaveAsync(course, ct);
        return EditResult<PhaseRecord>.Ok(record);
    }

    /// <summary>Changes a recorded phase's dates (e.g. the planned date became the actual one); the whole history is checked again.</summary>
    public async Task<EditResult<PhaseRecord>> UpdatePhaseAsync(TreatmentCourse course, int phaseId, PhaseInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var history = await db.TreatmentPhases.Where(p => p.CourseId == course.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var record = history.FirstOrDefault(p => p.Id == phaseId);
        if (record is null) { errors.Add(nameof(input.Phase), "That phase is not in this course."); return errors.Fail<PhaseRecord>(); }
        var planned = TreatmentText.ParseDate(input.Planned, nameof(input.Planned), "The planned date", errors);
        var started = TreatmentText.ParseDate(input.Started, nameof(input.Started), "The actual date", errors);
        if (planned is null && started is null && !errors.Any) errors.Add(nameof(input.Started), "Give the date it started, or the date it is planned.");
        if (errors.Any) return errors.Fail<PhaseRecord>();
        var check = PhaseMachine.CheckHistory(history.Select(p => p.Id == phaseId
            ? new PhaseEntry(p.Phase, started ?? planned!.Value) : new PhaseEntry(p.Phase, p.EffectiveDate)).ToList());
        if (!check.IsAllowed) { errors.Add(nameof(input.Phase), check.Reason!); return errors.Fail<PhaseRecord>(); }
        record.Planned = planned;
        record.Started = started;
        if (record.Phase == Phase.Reinfusion) course.DayZero = record.EffectiveDate;
        await SaveAsync(course, ct);
        return EditResult<PhaseRecord>.Ok(record);
    }

    /// <summary>Removes the most recent phase (an entry made by mistake); earlier ones stay consistent.</summary>
    public async Task RemoveLastPhaseAsync(TreatmentCourse course, CancellationToken ct)
    {
        var last = await db.TreatmentPhases.Where(p => p.CourseId == course.Id).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        if (last is null) return;
        db.TreatmentPhases.Remove(last);
        await SaveAsync(course, ct);
    }

    public async Task<EditResult<TreatmentEvent>> AddEventAsync(TreatmentCourse course, EventInput input, CancellationToken ct)
    {
        await EnsureSavedAsync(course, ct);
        var result = TreatmentEvents.Validate(input);
        if (!result.Succeeded) return result;
        var e = result.Value!;
        e.CourseId = course.Id;
        e.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.TreatmentEvents.Add(e);
        await SaveAsync(course, ct);
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
        await db.SaveChangesAsync(ct);
        return EditResult<TreatmentEvent>.Ok(e);
    }

    public async Task<EditResult<FollowUpItem>> AddFollowUpAsync(TreatmentCourse course, FollowUpInput input, CancellationToken ct)
    {
        await EnsureSavedAsync(course, ct);
        var errors = new FieldErrors();
        var title = TreatmentText.Clean(input.Title, 200, nameof(input.Title), errors);
        if (title is null && !errors.Any) errors.Add(nameof(input.Title), "What is it, e.g. \"6-month review and MRI\"?");
        var due = TreatmentText.ParseDate(input.Due, nameof(input.Due), "The date", errors, required: true);
        var note = TreatmentText.Clean(input.Note, 500, nameof(input.Note), errors);
        if (errors.Any) return errors.Fail<FollowUpItem>();
        var item = new FollowUpItem { CourseId = course.Id, Title = title!, Due = due!.Value, Note = note, Uid = NewUid() };
        db.FollowUpItems.Add(item);
        await SaveAsync(course, ct);
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
        await SaveAsync(course, ct);
        return EditResult<FollowUpItem>.Ok(item);
    }

    /// <summary>
    /// Adds the §8 template as editable items. It is a starting point for the clinic's own
    /// schedule, worded as such — the app never imposes one.
    /// </summary>
    public async Task<int> AddFollowUpTemplateAsync(TreatmentCourse course, CancellationToken ct)
    {
        await EnsureSavedAsync(course, ct);
        if (course.DayZero is not { } zero) return 0;
        var items = FollowUpTemplate.Items(zero).Select(t => new FollowUpItem
        {
            CourseId = course.Id, Title = t.Title, Due = t.Due, Note = t.Note, Uid = NewUid(),
        }).ToList();
        db.FollowUpItems.AddRange(items);
        await SaveAsync(course, ct);
        return items.Count;
    }

    /// <summary>Deletes one owned row of the course (drug, prior therapy, lab, event, follow-up).</summary>
    public async Task RemoveAsync(TreatmentCourse course, string kind, int id, CancellationToken ct)
    {
        var removed = kind switch
        {
            "drug" => await db.DrugLines.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct),
            "therapy" => await db.PriorTherapies.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct),
            "lab" => await db.LabResults.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct),
            "event" => await db.TreatmentEvents.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct),
            "followup" => await db.FollowUpItems.Where(x => x.CourseId == course.Id && x.Id == id).ExecuteDeleteAsync(ct),
            _ => 0,
        };
        if (removed > 0) await cache.JournalChangedAsync(course.JournalId, ct);
    }

    /// <summary>A new clinician link; the secret is returned once and only its hash is stored.</summary>
    public async Task<string> CreateClinicianLinkAsync(TreatmentCourse course, string? label, CancellationToken ct)
    {
        await EnsureSavedAsync(course, ct);
        var secret = SecretTokens.New("cl_");
        var clean = string.IsNullOrWhiteSpace(label) ? "Clinician link" : label.Trim()[..Math.Min(label.Trim().Length, 120)];
        db.ClinicianLinks.Add(new ClinicianLink { CourseId = course.Id, Label = clean, TokenHash = SecretTokens.Hash(secret), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await SaveAsync(course, ct);
        return secret;
    }

    public async Task RevokeClinicianLinkAsync(TreatmentCourse course, int linkId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ClinicianLinks.Where(l => l.CourseId == course.Id && l.Id == linkId && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), ct);
    }

    /// <summary>A new secret calendar address; any earlier address stops working.</summary>
    public async Task<string> ResetCalendarTokenAsync(TreatmentCourse course, CancellationToken ct)
    {
        await EnsureSavedAsync(course, ct);
        var secret = SecretTokens.New("cal_");
        course.CalendarTokenHash = SecretTokens.Hash(secret);
        await SaveAsync(course, ct);
        return secret;
    }

    /// <summary>Saves a course that was just created for the owner, so lines can refer to it.</summary>
    public async Task EnsureSavedAsync(TreatmentCourse course, CancellationToken ct)
    {
        if (course.Id != 0) return;
        if (db.Entry(course).State == EntityState.Detached) db.TreatmentCourses.Add(course);
        if (course.CreatedAt == default) course.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(course, ct);
    }

    /// <summary>
    /// Saves, then evicts the journal's cached pages: day labels, embedded charts and the days page follow the course.
    /// </summary>
    private async Task SaveAsync(TreatmentCourse course, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await cache.JournalChangedAsync(course.JournalId, ct);
    }

    private static string? DayZeroConflict(IEnumerable<PhaseRecord> phases, DateOnly zero)
    {
        var late = phases.Where(p => BeforeDayZero.Contains(p.Phase) && p.EffectiveDate > zero).OrderBy(p => p.EffectiveDate).FirstOrDefault();
        return late is null ? null
            : $"Day 0 ({TreatmentText.Iso(zero)}) cannot be before {late.Phase.Name()}, which started on {TreatmentText.Iso(late.EffectiveDate)}.";
    }

    private static string NewUid() => Guid.NewGuid().ToString("N") + "@hsct-journals";
}
