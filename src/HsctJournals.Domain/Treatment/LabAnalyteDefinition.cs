namespace HsctJournals.Domain.Treatment;

/// <summary>Codes and canonical unit of one <see cref="LabAnalyte"/>.</summary>
/// <param name="Analyte">The analyte.</param>
/// <param name="Name">Short display name, e.g. "ANC".</param>
/// <param name="Loinc">LOINC code, e.g. "751-8".</param>
/// <param name="UcumUnit">Canonical unit in UCUM syntax, e.g. "10*9/L" (FHIR valueQuantity.code).</param>
/// <param name="DisplayUnit">Canonical unit for people, e.g. "× 10⁹/L".</param>
public sealed record LabAnalyteDefinition(LabAnalyte Analyte, string Name, string Loinc, string UcumUnit, string DisplayUnit);
