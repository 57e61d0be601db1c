namespace HsctJournals.Domain.Treatment;

/// <summary>A lab value on a calendar date, already in its analyte's canonical unit.</summary>
/// <param name="Date">The date the sample was drawn, in the owner's time zone.</param>
/// <param name="Analyte">The analyte.</param>
/// <param name="Value">The value in the canonical unit (see <see cref="LabUnits.ToCanonical"/>).</param>
public sealed record DatedLabValue(DateOnly Date, LabAnalyte Analyte, decimal Value);
