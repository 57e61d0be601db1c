using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// The figures a transplant team asks for beside engraftment (issue 9 item 3), in words for the
/// summaries: days of neutropenia, transfusions by product, CD34+ collected and when G-CSF started.
/// The rules are in the Domain (<see cref="NeutropeniaDuration"/>, <see cref="TransfusionTally"/>,
/// <see cref="GcsfStart"/>); this only words them.
/// </summary>
public sealed class ClinicalFigures(CourseSnapshot s)
{
    /// <summary>Days with ANC below 0.5 × 10⁹/L (domain/hsct.md §5, §6), in words.</summary>
    public string Neutropenia()
    {
        if (s.Course.DayZero is not { } zero || s.Engraftment is not { } report) return "Appears once Day 0 is set.";
        return NeutropeniaDuration.Compute(zero, report.Anc, report.Neutrophils) switch
        {
            NeutropeniaDuration.Ended e => $"{Days(e.Days)}: {Label(e.From)} to {Label(e.Until.AddDays(-1))}, up to neutrophil engraftment on {Label(e.Until)}.",
            NeutropeniaDuration.Ongoing o => $"{Days(o.DaysSoFar)} so far: below 0.5 from {Label(o.From)}, the latest value below on {Label(o.LatestBelow)}; no engraftment computed yet.",
            NeutropeniaDuration.NoneRecorded => "None: no ANC below 0.5 recorded from Day 0.",
            NeutropeniaDuration.Unknown => "Unknown: the low period was not recorded (no ANC between Day 0 and Day +7).",
            _ => "No ANC recorded from Day 0 yet.",
        };
    }

    /// <summary>Transfusions by coded product (§5), with those still uncoded counted apart.</summary>
    public string Transfusions()
    {
        var t = TransfusionTally.Of(s.Events.Where(e => e.Type == TreatmentEventType.Transfusion).Select(e => e.Product));
        if (t.Total == 0) return "None recorded.";
        var text = $"Platelets {t.Platelets}, red cells {t.RedCells}";
        if (t.Plasma > 0) text += $", plasma {t.Plasma}";
        if (t.Other > 0) text += $", other {t.Other}";
        if (t.Uncoded > 0) text += $"; {t.Uncoded} recorded in words not yet coded as a product";
        return text + ".";
    }

    /// <summary>CD34+ collected over the harvest sessions and the dose infused (§4), × 10⁶/kg.</summary>
    public string Cd34()
    {
        var harvests = s.Events.Where(e => e.Type == TreatmentEventType.Harvest && e.Value is not null).ToList();
        var collected = harvests.Count == 0
            ? "No harvest recorded"
            : $"{TreatmentText.Number(harvests.Sum(h => h.Value!.Value))} × 10⁶/kg collected in {harvests.Count} harvest session{(harvests.Count == 1 ? "" : "s")}";
        var infused = s.Course.InfusedCd34PerKg is { } dose
            ? $"{TreatmentText.Number(dose)} × 10⁶/kg infused"
            : "dose infused not recorded";
        return $"{collected}; {infused}.";
    }

    /// <summary>When G-CSF started for mobilisation and after reinfusion (§3).</summary>
    public string Gcsf()
    {
        var start = GcsfStart.From(s.Course.DayZero, s.Course.Drugs.Select(d => (d.GenericName, d.Brand, d.StartDate)));
        var parts = new List<string>();
        if (start.Mobilisation is { } m) parts.Add($"for mobilisation on {Label(m)}");
        if (start.AfterReinfusion is { } a) parts.Add($"after reinfusion on {Label(a)}");
        return parts.Count == 0 ? "No G-CSF in the recorded regimen." : string.Join("; ", parts) + ".";
    }

    private string Label(DateOnly d) => s.Label(d) is { } l ? $"{l} ({TreatmentText.Iso(d)})" : TreatmentText.Iso(d);

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
