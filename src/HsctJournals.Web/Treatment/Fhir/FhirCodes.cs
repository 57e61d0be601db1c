using HsctJournals.Domain.Treatment;
using Hl7.Fhir.Model;

namespace HsctJournals.Web.Treatment.Fhir;

/// <summary>
/// The codes of the FHIR export (domain/hsct.md §10). Lab values use method-neutral LOINC codes
/// because the app does not record whether a count was automated or manual.
/// </summary>
public static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    /// <summary>The local code system for what no standard code was found for (§10: EDSS, T25FW, 9HPT, SDMT; engraftment; procedures).</summary>
    public static string Local(string origin) => origin.TrimEnd('/') + "/fhir/CodeSystem/hsct-journals";

    /// <summary>
    /// LOINC for an analyte. ANC, WBC and platelets use the method-neutral codes (26499-4, 26464-8,
    /// 26515-7) rather than the automated-count codes the app stores; the others as in §10.
    /// </summary>
    public static (string Code, string Display) LabLoinc(LabAnalyte analyte) => analyte switch
    {
        LabAnalyte.Anc => ("26499-4", "Neutrophils [#/volume] in Blood"),
        LabAnalyte.Wbc => ("26464-8", "Leukocytes [#/volume] in Blood"),
        LabAnalyte.Platelets => ("26515-7", "Platelets [#/volume] in Blood"),
        LabAnalyte.Haemoglobin => ("718-7", "Hemoglobin [Mass/volume] in Blood"),
        LabAnalyte.NeutrophilPercent => ("770-8", "Neutrophils/100 leukocytes in Blood by Automated count"),
        LabAnalyte.Lymphocytes => ("731-0", "Lymphocytes [#/volume] in Blood by Automated count"),
        LabAnalyte.Cd4 => ("24467-3", "CD3+CD4+ (T4 helper) cells [#/volume] in Blood"),
        LabAnalyte.Cd34Blood => ("42808-4", "CD34 cells [#/volume] in Blood"),
        _ => throw new ArgumentOutOfRangeException(nameof(analyte), analyte, "No LOINC code."),
    };

    /// <summary>
    /// LOINC 78002-3, the CD34+ dose of a haematopoietic progenitor cell transfusion per kg of the recipient
    /// (domain/hsct.md §10; the code and its name checked against LOINC's published entry, system ^Patient).
    /// </summary>
    public static readonly (string Code, string Display) Cd34DosePerKg = ("78002-3", "CD34 dose in hematopoietic progenitor cell transfusion [#/mass]");

    /// <summary>A UCUM quantity; <paramref name="ucum"/> is both the code and the unit shown.</summary>
    public static Quantity Quantity(decimal value, string ucum) => new() { Value = value, Unit = ucum, System = Ucum, Code = ucum };

    public static CodeableConcept Concept(string system, string code, string display, string? text = null) =>
        new() { Coding = [new Coding(system, code, display)], Text = text ?? display };
}
