using System.Globalization;
using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// What each event type records and which values it accepts (domain/hsct.md §4, §7, §8). EDSS is
/// checked by <see cref="Edss"/>; CTCAE grades are 1–5 (§7). Bounds elsewhere only catch typing
/// mistakes; they do not judge results.
/// </summary>
public static class TreatmentEvents
{
    /// <summary>§5: platelet transfusions pause platelet engraftment; the coded product decides, never the text.</summary>
    public static bool IsPlateletTransfusion(TreatmentEvent e) =>
        e.Type == TreatmentEventType.Transfusion && e.Product == TransfusionProduct.Platelets;

    /// <summary>A transfusion whose product is not known (free text the migration could not read): the owner is asked.</summary>
    public static bool NeedsProduct(TreatmentEvent e) => e.Type == TreatmentEventType.Transfusion && e.Product is null;

    /// <summary>"Platelets", "Red cells", "Plasma", "Other".</summary>
    public static string ProductName(TransfusionProduct product) => product switch
    {
        TransfusionProduct.Platelets => "Platelets",
        TransfusionProduct.RedCells => "Red cells",
        TransfusionProduct.Plasma => "Plasma",
        _ => "Other",
    };

    /// <summary>A product name as exported (<see cref="ProductName"/>) or the enum name, back to the code; null if neither.</summary>
    public static TransfusionProduct? ParseProduct(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        foreach (var p in Enum.GetValues<TransfusionProduct>())
            if (trimmed.Equals(ProductName(p), StringComparison.OrdinalIgnoreCase) || trimmed.Equals(p.ToString(), StringComparison.OrdinalIgnoreCase)) return p;
        return null;
    }

    public static string Name(TreatmentEventType type) => type switch
    {
        TreatmentEventType.Fever => "Fever",
        TreatmentEventType.Infection => "Infection",
        TreatmentEventType.Complication => "Complication",
        TreatmentEventType.Transfusion => "Transfusion",
        TreatmentEventType.Harvest => "Harvest session",
        TreatmentEventType.Mri => "MRI",
        TreatmentEventType.Relapse => "Relapse",
        TreatmentEventType.Edss => "EDSS",
        TreatmentEventType.TimedWalk => "Timed 25-foot walk",
        TreatmentEventType.NineHolePeg => "9-hole peg test",
        TreatmentEventType.Sdmt => "SDMT",
        TreatmentEventType.Vaccination => "Vaccination",
        _ => type.ToString(),
    };

    /// <summary>What the value field means for a type, or null when it has none.</summary>
    public static string? ValueLabel(TreatmentEventType type) => type switch
    {
        TreatmentEventType.Fever => "Temperature",
        TreatmentEventType.Harvest => "CD34+ collected (× 10⁶/kg)",
        TreatmentEventType.Edss => "EDSS score (0–10 in steps of 0.5)",
        TreatmentEventType.TimedWalk or TreatmentEventType.NineHolePeg => "Seconds",
        TreatmentEventType.Sdmt => "Correct answers",
        _ => null,
    };

    /// <summary>How a stored event reads in lists, e.g. "Fever 38.4 °C" or "Complication: mucositis (CTCAE grade 2)".</summary>
    public static string Describe(TreatmentEvent e)
    {
        var value = e.Value?.ToString("0.##", CultureInfo.InvariantCulture);
        var text = e.Type switch
        {
            TreatmentEventType.Fever => $"Fever {value} °C" + (e.EnteredAs is { } typed && !typed.EndsWith("°C", StringComparison.Ordinal) ? $" (entered as {typed})" : ""),
            TreatmentEventType.Harvest => $"Harvest: {value} × 10⁶ CD34+/kg",
            TreatmentEventType.Edss => $"EDSS {(e.Value is { } v && Edss.Create(v).TryGetValue(out var s) ? s.ToString() : value)}",
            TreatmentEventType.TimedWalk => $"Timed 25-foot walk {value} s",
            TreatmentEventType.NineHolePeg => $"9-hole peg test {value} s",
            TreatmentEventType.Sdmt => $"SDMT {value}",
            TreatmentEventType.Transfusion => "Transfusion: " + (e.Product is { } p ? ProductName(p) : "product not known")
                + (e.Detail is null ? "" : $" ({e.Detail})"),
            _ => e.Detail is null ? Name(e.Type) : $"{Name(e.Type)}: {e.Detail}",
        };
        if (e.Type == TreatmentEventType.Fever && e.Detail is not null) text += $" ({e.Detail})";
        if (e.Grade is { } g) text += $" (CTCAE grade {g})";
        return text;
    }

    /// <summary>Checks an input; errors are keyed "Date", "Value", "Grade", "Product", "Detail", "Note", "Type".</summary>
    public static EditResult<TreatmentEvent> Validate(EventInput input)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(input.Type)) errors.Add("Type", "Choose what kind of event this is.");
        var date = TreatmentText.ParseDate(input.Date, "Date", "The date", errors, required: true);
        decimal? value = null;
        string? enteredAs = null;
        var label = ValueLabel(input.Type);
        if (label is not null)
        {
            if (string.IsNullOrWhiteSpace(input.Value)) errors.Add("Value", $"{label} is needed for {Name(input.Type).ToLowerInvariant()}.");
            else if (!TreatmentText.TryParseDecimal(input.Value, out var v)) errors.Add("Value", $"\"{input.Value.Trim()}\" is not a number.");
            else
            {
                value = v;
                // domain/hsct.md §6: °F accepted for fevers; °C is stored beside what was typed.
                var temperature = input.Type == TreatmentEventType.Fever ? BodyTemperature.Read(v, input.Scale ?? TemperatureScale.Celsius) : null;
                if (temperature is { IsSuccess: true }) (value, enteredAs) = (temperature.Value.Celsius, temperature.Value.EnteredText);
                var problem = input.Type switch
                {
                    TreatmentEventType.Fever => temperature!.Error,
                    // §4: a harvest yield is a few × 10⁶/kg; 100 would be a typing mistake.
                    TreatmentEventType.Harvest => Cd34Dose.Read(v, "CD34+ collected").Error,
                    TreatmentEventType.Edss => Edss.Create(v).Error,
                    TreatmentEventType.TimedWalk or TreatmentEventType.NineHolePeg when v is <= 0m or > 999m => "Seconds must be above 0 and below 1000.",
                    TreatmentEventType.Sdmt when v is < 0m or > 110m || v != decimal.Truncate(v) => "SDMT is a whole number from 0 to 110.",
                    _ => null,
                };
                if (problem is not null) errors.Add("Value", problem);
            }
        }
        if (input.Scale is not null && input.Type != TreatmentEventType.Fever)
            errors.Add("Scale", "°C or °F belongs to a fever's temperature only; leave it empty.");
        var needsDetail = input.Type is TreatmentEventType.Infection or TreatmentEventType.Complication
            or TreatmentEventType.Mri or TreatmentEventType.Vaccination;
        var detail = TreatmentText.Clean(input.Detail, 200, "Detail", errors);
        // §5: the product is a coded choice, never read from the detail text.
        if (input.Type == TreatmentEventType.Transfusion)
        {
            if (input.Product is null) errors.Add("Product", "Which product was transfused? Choose platelets, red cells, plasma or other.");
            else if (!Enum.IsDefined(input.Product.Value)) errors.Add("Product", "Choose platelets, red cells, plasma or other.");
        }
        else if (input.Product is not null)
        {
            errors.Add("Product", "A product belongs to a transfusion only; choose \"Transfusion\" or leave the product empty.");
        }
        if (needsDetail && detail is null)
            errors.Add("Detail", input.Type switch
            {
                TreatmentEventType.Vaccination => "Which vaccine?",
                TreatmentEventType.Mri => "What did the MRI show (e.g. stable, 1 new T2 lesion)?",
                _ => "What was it (e.g. mucositis, C. difficile)?",
            });
        // §7: CTCAE grades 1–5 (mild, moderate, severe, life-threatening, death).
        if (input.Grade is { } grade && grade is < 1 or > 5) errors.Add("Grade", "CTCAE grades go from 1 (mild) to 5 (death).");
        if (input.Type == TreatmentEventType.Complication && input.Grade is null) errors.Add("Grade", "Give the CTCAE grade (1–5) for a complication.");
        var note = TreatmentText.Clean(input.Note, 1000, "Note", errors);
        if (errors.Any) return errors.Fail<TreatmentEvent>();
        return EditResult<TreatmentEvent>.Ok(new TreatmentEvent
        {
            Date = date!.Value, Type = input.Type, Value = value,
            Grade = input.Type is TreatmentEventType.Complication or TreatmentEventType.Infection ? input.Grade : null,
            Product = input.Type == TreatmentEventType.Transfusion ? input.Product : null,
            Detail = detail, Note = note, EnteredAs = enteredAs,
        });
    }
}
