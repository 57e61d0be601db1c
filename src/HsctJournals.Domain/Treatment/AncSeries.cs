namespace HsctJournals.Domain.Treatment;

/// <summary>
/// The ANC of every sample: measured where the lab gave one, otherwise derived from the WBC and
/// neutrophil % of the same sample (domain/hsct.md §5).
/// </summary>
public static class AncSeries
{
    /// <summary>
    /// One ANC per sample, in date and time order, and a plain-language note for each sample whose
    /// neutrophil % could not be used (no WBC of the same sample and no measured ANC that day).
    /// </summary>
    /// <remarks>
    /// A sample is the values with the same date and time (or the same date and no time). A WBC and
    /// a % of different samples are never combined — §5: "computed per sample (same date and time),
    /// never from a WBC and a % of different samples, and marked as derived". Within a sample, the
    /// last value given of each analyte is used, as the day's last value is used across samples.
    /// </remarks>
    public static (IReadOnlyList<AncValue> Values, IReadOnlyList<string> Problems) From(IEnumerable<DatedLabValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var relevant = values.Where(v => v.Analyte is LabAnalyte.Anc or LabAnalyte.Wbc or LabAnalyte.NeutrophilPercent).ToList();
        var result = new List<AncValue>();
        var unpaired = new List<DatedLabValue>();
        foreach (var sample in relevant.GroupBy(v => (v.Date, v.Time)).OrderBy(g => g.Key.Date).ThenBy(g => g.Key.Time ?? TimeOnly.MinValue))
        {
            decimal? Last(LabAnalyte analyte) => sample.LastOrDefault(v => v.Analyte == analyte)?.Value;
            var (date, time) = sample.Key;
            if (Last(LabAnalyte.Anc) is { } measured)
            {
                result.Add(new AncValue(date, time, measured, Derived: false));
            }
            else if (Last(LabAnalyte.NeutrophilPercent) is { } percent)
            {
                // domain/hsct.md §5: ANC = WBC × (segmented + band neutrophils %) / 100, same sample only.
                if (Last(LabAnalyte.Wbc) is { } wbc)
                {
                    result.Add(new AncValue(date, time, Math.Round(wbc * percent / 100m, 4), Derived: true));
                }
                else
                {
                    unpaired.Add(sample.Last(v => v.Analyte == LabAnalyte.NeutrophilPercent));
                }
            }
        }

        var problems = unpaired
            .Where(p => !result.Any(a => a.Date == p.Date))
            .Select(p => $"The neutrophil % of {p.Date:yyyy-MM-dd}{(p.Time is { } t ? " " + t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "")} has no WBC from the same sample (same date and time), so no ANC was derived from it. Add the WBC of that sample, or the ANC the lab reported.")
            .ToList();
        return (result, problems);
    }
}
