namespace HsctJournals.Web.Treatment;

/// <summary>The course's own fields as typed (dates as YYYY-MM-DD text so bad input can be shown back).</summary>
public sealed class CourseInput
{
    public string? Condition { get; set; }
    public string? Centre { get; set; }
    public string? Country { get; set; }
    public string? Protocol { get; set; }
    public string? DayZero { get; set; }
    public string? ProtocolStart { get; set; }
    public int? ProtocolFirstDay { get; set; }
    public string? DeclaredNeutrophilEngraftment { get; set; }
    public string? DeclaredPlateletEngraftment { get; set; }
    /// <summary>The CD34+ dose infused, × 10⁶/kg, as typed ("5.8" or "5,8").</summary>
    public string? InfusedCd34PerKg { get; set; }
    /// <summary>Null keeps the current setting (the API may omit it).</summary>
    public TreatmentSharing? Sharing { get; set; }

    public static CourseInput From(TreatmentCourse c) => new()
    {
        Condition = c.Condition, Centre = c.Centre, Country = c.Country, Protocol = c.Protocol,
        DayZero = Iso(c.DayZero), ProtocolStart = Iso(c.ProtocolStart), ProtocolFirstDay = c.ProtocolFirstDay,
        DeclaredNeutrophilEngraftment = Iso(c.DeclaredNeutrophilEngraftment), DeclaredPlateletEngraftment = Iso(c.DeclaredPlateletEngraftment),
        InfusedCd34PerKg = c.InfusedCd34PerKg is { } dose ? TreatmentText.Number(dose) : null,
        Sharing = c.Sharing,
    };

    private static string? Iso(DateOnly? d) => d is { } v ? TreatmentText.Iso(v) : null;
}

/// <summary>A drug line as typed.</summary>
public sealed class DrugInput
{
    public DrugPurpose Purpose { get; set; }
    public string? GenericName { get; set; }
    public string? Brand { get; set; }
    public string? Dose { get; set; }
    public string? Unit { get; set; }
    public DoseBasis Basis { get; set; }
    public string? WeightKg { get; set; }
    public string? HeightCm { get; set; }
    public string? Route { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
}

/// <summary>A prior disease-modifying therapy as typed.</summary>
public sealed class PriorTherapyInput
{
    public string? GenericName { get; set; }
    public string? Brand { get; set; }
    public string? Started { get; set; }
    public string? Stopped { get; set; }
    public string? LastDose { get; set; }
    public string? ReasonStopped { get; set; }
}

/// <summary>A phase transition as typed: the phase and its planned and/or actual start.</summary>
public sealed class PhaseInput
{
    public Domain.Treatment.Phase Phase { get; set; }
    public string? Planned { get; set; }
    public string? Started { get; set; }
    public string? Note { get; set; }
}

/// <summary>A follow-up item as typed.</summary>
public sealed class FollowUpInput
{
    public string? Title { get; set; }
    public string? Due { get; set; }
    public string? Note { get; set; }
}
