namespace HsctJournals.Domain.Treatment;

/// <summary>One absolute neutrophil count of one sample, measured or derived.</summary>
/// <param name="Date">The sample's date.</param>
/// <param name="Time">The sample's time, when known.</param>
/// <param name="Value">ANC in 10⁹/L.</param>
/// <param name="Derived">True when computed as WBC × neutrophil % / 100 from the same sample, not measured.</param>
public sealed record AncValue(DateOnly Date, TimeOnly? Time, decimal Value, bool Derived);
