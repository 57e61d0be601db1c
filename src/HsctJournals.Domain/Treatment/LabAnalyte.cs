namespace HsctJournals.Domain.Treatment;

/// <summary>The blood values tracked through a course (domain/hsct.md §6 and §10).</summary>
public enum LabAnalyte
{
    /// <summary>White blood cell count, LOINC 6690-2.</summary>
    Wbc = 1,

    /// <summary>Absolute neutrophil count, LOINC 751-8.</summary>
    Anc = 2,

    /// <summary>Neutrophils as a percentage of white cells, LOINC 770-8.</summary>
    NeutrophilPercent = 3,

    /// <summary>Absolute lymphocyte count, LOINC 731-0.</summary>
    Lymphocytes = 4,

    /// <summary>Platelet count, LOINC 777-3.</summary>
    Platelets = 5,

    /// <summary>Haemoglobin, LOINC 718-7.</summary>
    Haemoglobin = 6,

    /// <summary>Absolute CD3+CD4+ count, LOINC 24467-3.</summary>
    Cd4 = 7,

    /// <summary>CD34+ cells in blood, LOINC 42808-4.</summary>
    Cd34Blood = 8,
}
