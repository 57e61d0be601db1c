namespace HsctJournals.Web.Treatment;

/// <summary>What a drug line belongs to.</summary>
public enum DrugPurpose { Mobilisation = 0, Conditioning = 1, Supportive = 2 }

/// <summary>What a dose is per (domain/hsct.md §3).</summary>
public enum DoseBasis { Flat = 0, PerKg = 1, PerSquareMetre = 2 }

/// <summary>
/// One drug of a regimen as the clinic gave it (domain/hsct.md §3). A record of what was done,
/// never a recommendation: the app does not check doses.
/// </summary>
public class DrugLine
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public DrugPurpose Purpose { get; set; }
    public required string GenericName { get; set; }
    public string? Brand { get; set; }
    public decimal? Dose { get; set; }
    /// <summary>As written by the clinic: mg, g, µg, mg/kg, mg/m², µg/kg/day…</summary>
    public string? Unit { get; set; }
    public DoseBasis Basis { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? HeightCm { get; set; }
    public string? Route { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}
