namespace HsctJournals.Domain.Treatment;

/// <summary>Computed neutrophil and platelet recovery for one course (domain/hsct.md §5).</summary>
/// <param name="Neutrophils">ANC ≥ 0.5 × 10⁹/L.</param>
/// <param name="Platelets20">Platelets ≥ 20 × 10⁹/L, transfusion-free.</param>
/// <param name="Platelets50">Platelets ≥ 50 × 10⁹/L, transfusion-free.</param>
/// <param name="Anc">The ANC of every sample, measured or derived, that the neutrophil outcome used.</param>
/// <param name="Problems">Values that could not be used and why (e.g. a neutrophil % without a WBC of the same sample).</param>
public sealed record EngraftmentReport(
    EngraftmentOutcome Neutrophils,
    EngraftmentOutcome Platelets20,
    EngraftmentOutcome Platelets50,
    IReadOnlyList<AncValue> Anc,
    IReadOnlyList<string> Problems);
