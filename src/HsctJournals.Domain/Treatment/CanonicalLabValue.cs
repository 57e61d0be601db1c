namespace HsctJournals.Domain.Treatment;

/// <summary>
/// A lab value converted to its analyte's canonical unit, keeping what was entered
/// (domain/hsct.md §6: store original value and unit beside the canonical value).
/// </summary>
/// <param name="Analyte">The analyte.</param>
/// <param name="Value">The value in the canonical unit.</param>
/// <param name="Unit">The canonical unit in UCUM syntax, e.g. "10*9/L".</param>
/// <param name="OriginalValue">The number as entered.</param>
/// <param name="OriginalUnit">The unit as entered.</param>
public sealed record CanonicalLabValue(LabAnalyte Analyte, decimal Value, string Unit, decimal OriginalValue, string OriginalUnit);
