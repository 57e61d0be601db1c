namespace HsctJournals.Domain.Treatment;

/// <summary>
/// Spots lab entries that are probably typed in the wrong unit and asks about them, suggesting
/// the unit that would make the number plausible (domain/hsct.md §6: query ambiguous entries such
/// as ANC "500" vs "0.5").
/// </summary>
/// <remarks>
/// The bounds are deliberately wide — they catch unit mix-ups (a factor of 10 or 1000), not
/// abnormal results. Abnormal results are what the journal is for. Counts below the smallest
/// value a lab reports (e.g. 0.5 cells/µL of neutrophils) are also asked about; 0 is fine.
/// </remarks>
public static class LabPlausibility
{
    // Canonical-unit bounds. Lowest: the smallest non-zero value a lab would report.
    // These are engineering bounds for catching unit errors, not clinical reference ranges.
    private static readonly Dictionary<LabAnalyte, (decimal Lowest, decimal Highest)> Bounds = new()
    {
        [LabAnalyte.Wbc] = (0.01m, 300m),
        [LabAnalyte.Anc] = (0.01m, 200m),
        [LabAnalyte.Lymphocytes] = (0.01m, 300m),
        [LabAnalyte.Platelets] = (1m, 2500m),
        [LabAnalyte.NeutrophilPercent] = (0m, 100m),
        [LabAnalyte.Haemoglobin] = (2m, 25m),
        [LabAnalyte.Cd4] = (0m, 5000m),
        [LabAnalyte.Cd34Blood] = (0m, 2000m),
    };

    /// <summary>
    /// Questions to ask about <paramref name="value"/>; empty when it looks plausible.
    /// </summary>
    public static IReadOnlyList<LabQuestion> Check(CanonicalLabValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!Bounds.TryGetValue(value.Analyte, out var bounds) || IsPlausible(value.Analyte, value.Value, bounds))
        {
            return [];
        }

        var definition = LabAnalyteCatalogue.Get(value.Analyte);
        var entered = LabUnits.FindUnit(value.Analyte, value.OriginalUnit);
        var enteredText = $"{definition.Name} {NumberText.Measure(value.OriginalValue)} {entered?.Display ?? value.OriginalUnit}";
        if (entered is not null && entered.ToCanonical != 1m)
        {
            enteredText += $" ({NumberText.Measure(value.Value)} {definition.DisplayUnit})";
        }

        // Which other unit would make the same number plausible?
        var alternatives = LabUnits.AcceptedUnits(value.Analyte)
            .Where(u => entered is null || u.ToCanonical != entered.ToCanonical)
            .Select(u => (Unit: u, Canonical: value.OriginalValue * u.ToCanonical))
            .Where(a => IsPlausible(value.Analyte, a.Canonical, bounds))
            .ToList();

        if (alternatives.Count == 0)
        {
            var range = $"{NumberText.Measure(bounds.Lowest)}–{NumberText.Measure(bounds.Highest)} {definition.DisplayUnit}";
            return [new LabQuestion($"{enteredText} is outside the plausible range ({range}). Please check the value and its unit.", [])];
        }

        var options = alternatives.Select(a =>
            a.Unit.ToCanonical == 1m
                ? $"{NumberText.Measure(value.OriginalValue)} {a.Unit.Display}"
                : $"{NumberText.Measure(value.OriginalValue)} {a.Unit.Display} ({NumberText.Measure(a.Canonical)} {definition.DisplayUnit})");

        return
        [
            new LabQuestion(
                $"{enteredText} is not plausible. Did you mean {string.Join(" or ", options)}?",
                alternatives.Select(a => a.Canonical).ToList()),
        ];
    }

    private static bool IsPlausible(LabAnalyte analyte, decimal canonical, (decimal Lowest, decimal Highest) bounds)
    {
        if (canonical > bounds.Highest || canonical < 0m)
        {
            return false;
        }

        // Haemoglobin is never 0 in a living patient; counts may be 0 in aplasia.
        return analyte == LabAnalyte.Haemoglobin
            ? canonical >= bounds.Lowest
            : canonical == 0m || canonical >= bounds.Lowest;
    }
}
