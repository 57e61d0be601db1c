namespace HsctJournals.Domain.Treatment;

/// <summary>
/// When G-CSF started (issue 9 item 3): once for mobilisation (before Day 0) and once after
/// reinfusion (from Day 0, to speed neutrophil recovery), since a transplant team reads the second
/// beside the engraftment date. domain/hsct.md §3: mobilisation is chemotherapy then daily G-CSF
/// (filgrastim) until harvest, or G-CSF alone.
/// </summary>
/// <param name="Mobilisation">The first start of a G-CSF before Day 0, if any.</param>
/// <param name="AfterReinfusion">The first start of a G-CSF on or after Day 0, if any.</param>
public sealed record GcsfStart(DateOnly? Mobilisation, DateOnly? AfterReinfusion)
{
    // The granulocyte colony-stimulating factors in use and their common brands. Drug lines are
    // typed by the owner; a name is G-CSF when one of its words is one of these.
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "g-csf", "gcsf", "filgrastim", "tbo-filgrastim", "lenograstim", "pegfilgrastim", "lipegfilgrastim", "eflapegrastim",
        "neupogen", "zarzio", "zarxio", "nivestim", "nivestym", "accofil", "grastofil", "tevagrastim", "ratiograstim",
        "granix", "releuko", "granocyte", "neulasta", "lonquex", "fulphila", "udenyca", "ziextenzo", "pelgraz", "rolvedon",
    };

    private static readonly char[] Separators = [' ', ',', '(', ')', '/', ';'];

    /// <summary>True when the generic name or the brand names a G-CSF, e.g. "Filgrastim", "filgrastim-sndz", "Neupogen".</summary>
    public static bool IsGcsf(string? generic, string? brand) =>
        new[] { generic, brand }.Where(n => !string.IsNullOrWhiteSpace(n))
            .SelectMany(n => n!.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            // Biosimilars carry a four-letter suffix: "filgrastim-sndz".
            .Any(word => Names.Contains(word) || (word.Contains('-') && Names.Contains(word[..word.LastIndexOf('-')])));

    /// <summary>The first G-CSF starts before and from Day 0; without Day 0 every start counts as mobilisation.</summary>
    public static GcsfStart From(DateOnly? dayZero, IEnumerable<(string Generic, string? Brand, DateOnly? Start)> drugs)
    {
        var starts = drugs.Where(d => d.Start is not null && IsGcsf(d.Generic, d.Brand)).Select(d => d.Start!.Value).Order().ToList();
        return dayZero is not { } zero
            ? new GcsfStart(starts.Cast<DateOnly?>().FirstOrDefault(), null)
            : new GcsfStart(starts.Where(s => s < zero).Cast<DateOnly?>().FirstOrDefault(), starts.Where(s => s >= zero).Cast<DateOnly?>().FirstOrDefault());
    }
}
