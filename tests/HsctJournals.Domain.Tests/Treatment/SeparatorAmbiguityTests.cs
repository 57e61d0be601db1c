using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class SeparatorAmbiguityTests
{
    [Fact]
    public void Twelve_comma_five_hundred_cells_per_microlitre_asks_suggesting_the_thousands_reading()
    {
        var question = SeparatorAmbiguity.Ask(LabAnalyte.Wbc, "12,500", "cells/µL");

        Assert.NotNull(question);
        Assert.StartsWith("WBC \"12,500\" cells/µL can be read two ways. Did you mean 12\u202F500 cells/µL = 12.5 × 10⁹/L? Or 12.5 cells/µL = 0.0125 × 10⁹/L?", question.Text);
        Assert.Contains("(12500 or 12.5)", question.Text);
        Assert.Equal([12.5m, 0.0125m], question.Suggestions);
    }

    [Theory]
    [InlineData(LabAnalyte.Anc, "1.300", "/mm3")]
    [InlineData(LabAnalyte.Platelets, "150,000", "/uL")]
    [InlineData(LabAnalyte.Lymphocytes, "1,100", "cells/mm³")]
    [InlineData(LabAnalyte.Cd4, "1,250", "cells/µL")]
    [InlineData(LabAnalyte.Cd34Blood, "1.020", "/µL")]
    [InlineData(LabAnalyte.Platelets, "1,500", "10^9/L")]
    [InlineData(LabAnalyte.Wbc, "4,500", "K/µL")]
    public void Every_count_unit_asks_about_a_separator_followed_by_three_digits(LabAnalyte analyte, string typed, string unit)
    {
        Assert.NotNull(SeparatorAmbiguity.Ask(analyte, typed, unit));
    }

    [Fact]
    public void Per_nanolitre_the_decimal_reading_is_suggested_first()
    {
        var question = SeparatorAmbiguity.Ask(LabAnalyte.Wbc, "4,500", "10^9/L");

        Assert.NotNull(question);
        Assert.Contains("Did you mean 4.5 × 10⁹/L? Or 4\u202F500 × 10⁹/L?", question.Text);
        Assert.Equal([4.5m, 4500m], question.Suggestions);
    }

    [Theory]
    [InlineData(LabAnalyte.Anc, "0,500", "cells/µL")]      // a leading zero is a decimal
    [InlineData(LabAnalyte.Anc, "0.52", "10^9/L")]         // two decimals
    [InlineData(LabAnalyte.Platelets, "12500", "/µL")]     // no separator
    [InlineData(LabAnalyte.Platelets, "12 500", "/µL")]    // a space only groups thousands
    [InlineData(LabAnalyte.Wbc, "12,5", "10^9/L")]         // one decimal
    [InlineData(LabAnalyte.Haemoglobin, "8,200", "g/dL")] // not a count
    [InlineData(LabAnalyte.NeutrophilPercent, "62,500", "%")]
    [InlineData(LabAnalyte.Wbc, "12,500", "furlongs")]     // the unit is refused elsewhere
    public void Numbers_that_cannot_be_misread_are_not_questioned(LabAnalyte analyte, string typed, string unit)
    {
        Assert.Null(SeparatorAmbiguity.Ask(analyte, typed, unit));
    }
}
