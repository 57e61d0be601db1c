using HsctJournals.Domain.Treatment;

namespace HsctJournals.Web.Treatment;

/// <summary>An event or score as typed in the form or sent to the API; text so bad input can be shown back.</summary>
public sealed class EventInput
{
    public string? Date { get; set; }
    public TreatmentEventType Type { get; set; }
    /// <summary>Temperature, CD34+ × 10⁶/kg, score or seconds, depending on <see cref="Type"/>.</summary>
    public string? Value { get; set; }
    /// <summary>For a fever: the scale <see cref="Value"/> was read in; °C when not given (domain/hsct.md §6).</summary>
    public TemperatureScale? Scale { get; set; }
    /// <summary>CTCAE grade 1–5.</summary>
    public int? Grade { get; set; }
    /// <summary>The transfused product; required for a transfusion, refused for anything else.</summary>
    public TransfusionProduct? Product { get; set; }
    /// <summary>Infection, complication, vaccine or MRI result; optional words for a transfusion.</summary>
    public string? Detail { get; set; }
    public string? Note { get; set; }
}
