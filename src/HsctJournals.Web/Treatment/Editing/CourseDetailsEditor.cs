using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>The course's own fields (condition, centre, Day 0, declared engraftment) and its sharing setting. Shared by the pages and the API; errors are keyed by input property name.</summary>
public sealed class CourseDetailsEditor(JournalsDbContext db, CourseStore store, TimeProvider clock)
{
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
        var infused = InfusedDose(input.InfusedCd34PerKg, errors);
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
                var check = PhaseMachine.CheckDayZero(phases.Select(p => new PhaseEntry(p.Phase, p.EffectiveDate)), zero);
                if (!check.IsAllowed) errors.Add(nameof(input.DayZero), check.Reason!);
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
        course.InfusedCd34PerKg = infused;
        if (input.Sharing is { } sharing) course.Sharing = sharing;
        if (course.Id == 0 && course.CreatedAt == default) course.CreatedAt = clock.GetUtcNow().UtcDateTime;
        if (course.Id == 0 && db.Entry(course).State == EntityState.Detached) db.TreatmentCourses.Add(course);
        await store.SaveAsync(course, ct);
        return EditResult<TreatmentCourse>.Ok(course);
    }

    /// <summary>The infused CD34+ dose (domain/hsct.md §4), read with a dot or a decimal comma like lab values (§6).</summary>
    private static decimal? InfusedDose(string? text, FieldErrors errors)
    {
        const string field = nameof(CourseInput.InfusedCd34PerKg), what = "The CD34+ dose infused";
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!TreatmentText.TryParseDecimal(text, out var value))
        {
            errors.Add(field, $"{what} \"{text.Trim()}\" is not a number. Type it in millions per kg, e.g. 5.8 or 5,8.");
            return null;
        }
        var dose = Cd34Dose.Read(value, what);
        if (dose.IsSuccess) return dose.Value;
        errors.Add(field, dose.Error);
        return null;
    }

    public async Task SetSharingAsync(TreatmentCourse course, TreatmentSharing sharing, CancellationToken ct)
    {
        if (!Enum.IsDefined(sharing)) return;
        course.Sharing = sharing;
        await store.SaveAsync(course, ct);
    }
}
