using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class LabPlausibilityTests
{
    private static IReadOnlyList<LabQuestion> Ask(LabAnalyte analyte, decimal value, string unit) =>
        LabPlausibility.Check(LabUnits.ToCanonical(analyte, value, unit).Value);

    [Fact]
    public void An_ANC_of_500_in_10_9_per_litre_asks_whether_cells_per_microlitre_were_meant()
    {
        var question = Assert.Single(Ask(LabAnalyte.Anc, 500m, "10^9/L"));

        Assert.Equal("ANC 500 × 10⁹/L is not plausible. Did you mean 500 cells/µL (0.5 × 10⁹/L)?", question.Text);
        Assert.Equal([0.5m], question.Suggestions);
    }

    [Fact]
    public void Haemoglobin_of_120_in_g_per_dL_is_probably_g_per_L()
    {
        var question = Assert.Single(Ask(LabAnalyte.Haemoglobin, 120m, "g/dL"));

        Assert.Equal("Haemoglobin 120 g/dL is not plausible. Did you mean 120 g/L (12 g/dL)?", question.Text);
        Assert.Equal([12m], question.Suggestions);
    }

    [Fact]
    public void Haemoglobin_of_8_in_g_per_L_could_be_g_per_dL_or_mmol_per_L()
    {
        var question = Assert.Single(Ask(LabAnalyte.Haemoglobin, 8m, "g/L"));

        Assert.Equal(
            "Haemoglobin 8 g/L (0.8 g/dL) is not plausible. Did you mean 8 g/dL or 8 mmol/L (12.9 g/dL)?",
            question.Text);
        Assert.Equal(2, question.Suggestions.Count);
    }

    [Fact]
    public void Platelets_of_15_per_microlitre_are_probably_15_times_10_9_per_litre()
    {
        var question = Assert.Single(Ask(LabAnalyte.Platelets, 15m, "/µL"));

        Assert.Equal([15m], question.Suggestions);
    }

    [Fact]
    public void A_CD4_count_typed_as_10_9_per_litre_is_queried()
    {
        var question = Assert.Single(Ask(LabAnalyte.Cd4, 450m, "10^9/L"));

        Assert.Equal("CD4 450 × 10⁹/L (450000 cells/µL) is not plausible. Did you mean 450 cells/µL?", question.Text);
    }

    [Theory]
    [InlineData(LabAnalyte.Anc, 0.05, "10^9/L")]
    [InlineData(LabAnalyte.Anc, 0, "10^9/L")]
    [InlineData(LabAnalyte.Anc, 1500, "cells/µL")]
    [InlineData(LabAnalyte.Platelets, 34, "10^9/L")]
    [InlineData(LabAnalyte.Platelets, 150000, "/mm3")]
    [InlineData(LabAnalyte.Haemoglobin, 8.1, "g/dL")]
    [InlineData(LabAnalyte.Haemoglobin, 81, "g/L")]
    [InlineData(LabAnalyte.Haemoglobin, 5.2, "mmol/L")]
    [InlineData(LabAnalyte.Wbc, 45, "10^9/L")]
    [InlineData(LabAnalyte.Cd34Blood, 14, "/µL")]
    public void Abnormal_but_possible_values_raise_no_question(LabAnalyte analyte, double value, string unit)
    {
        Assert.Empty(Ask(analyte, (decimal)value, unit));
    }

    [Fact]
    public void A_value_that_no_unit_makes_plausible_asks_to_check_the_entry()
    {
        var question = Assert.Single(Ask(LabAnalyte.Haemoglobin, 0m, "g/dL"));

        Assert.Contains("outside the plausible range", question.Text);
        Assert.Empty(question.Suggestions);
    }
}
