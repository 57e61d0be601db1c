namespace HsctJournals.Domain.Treatment;

/// <summary>A lab value on a calendar date, already in its analyte's canonical unit.</summary>
/// <param name="Date">The date the sample was drawn, in the owner's time zone.</param>
/// <param name="Analyte">The analyte.</param>
/// <param name="Value">The value in the canonical unit (see <see cref="LabUnits.ToCanonical"/>).</param>
/// <param name="Time">The time the sample was drawn, when known. Values with the same date and
/// time (or the same date and no time) are one sample (domain/hsct.md §5, derived ANC).</param>
public sealed record DatedLabValue(DateOnly Date, LabAnalyte Analyte, decimal Value, TimeOnly? Time = null);
