namespace HsctJournals.Domain.Treatment;

/// <summary>
/// What was transfused, as a coded choice. domain/hsct.md §5: which transfusions count is "a coded
/// choice (platelets / red cells / plasma / other), never a match on free text" — only
/// <see cref="Platelets"/> pauses platelet engraftment.
/// </summary>
public enum TransfusionProduct
{
    /// <summary>Platelets (pooled or apheresis; "Plts", "PLT", thrombocytes).</summary>
    Platelets = 1,

    /// <summary>Red cells (packed red blood cells, RBC, erythrocytes).</summary>
    RedCells = 2,

    /// <summary>Plasma (fresh frozen plasma, FFP).</summary>
    Plasma = 3,

    /// <summary>Anything else (e.g. granulocytes, albumin, immunoglobulin).</summary>
    Other = 4,
}
