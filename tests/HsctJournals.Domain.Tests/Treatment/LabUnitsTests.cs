using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class LabUnitsTests
{
    private static decimal Canonical(LabAnalyte analyte, decimal value, string unit)
    {
        var result = LabUnits.ToCanonical(analyte, value, unit);
        Assert.True(result.IsSuccess, result.Error);
        return result.Value.Value;
    }

    [Theory]
    [InlineData("10^9/L")]
    [InlineData("x10^9/L")]
    [InlineData("× 10⁹/L")]
    [InlineData("10*9/L")]
    [InlineData("10e9/L")]
    [InlineData("K/uL")]
    [InlineData("K/µL")]
    [InlineData("K/μL")]
    [InlineData("G/L")]
    [InlineData("Gpt/L")]
    [InlineData("/nL")]
    [InlineData("10^3/uL")]
    [InlineData("10³/µL")]
    [InlineData("10*3/uL")]
    [InlineData("10^3/mm³")]
    [InlineData("10^3/mm3")]
    public void Count_units_equivalent_to_10_9_per_litre_are_taken_as_they_are(string unit)
    {
        Assert.Equal(0.5m, Canonical(LabAnalyte.Anc, 0.5m, unit));
    }

    [Theory]
    [InlineData("cells/µL")]
    [InlineData("cells/uL")]
    [InlineData("/µL")]
    [InlineData("/uL")]
    [InlineData("/mm3")]
    [InlineData("/mm³")]
    [InlineData("cells/mcL")]
    public void Counts_per_microlitre_are_divided_by_1000(string unit)
    {
        Assert.Equal(0.5m, Canonical(LabAnalyte.Anc, 500m, unit));
    }

    [Fact]
    public void Platelets_of_150000_per_microlitre_are_150_times_10_9_per_litre()
    {
        Assert.Equal(150m, Canonical(LabAnalyte.Platelets, 150000m, "/µL"));
    }

    [Fact]
    public void Counts_keep_the_canonical_UCUM_unit_and_the_original_entry()
    {
        var value = LabUnits.ToCanonical(LabAnalyte.Wbc, 4200m, " cells/µL ").Value;

        Assert.Equal(new CanonicalLabValue(LabAnalyte.Wbc, 4.2m, "10*9/L", 4200m, "cells/µL"), value);
    }

    [Fact]
    public void Haemoglobin_in_g_per_dL_is_canonical()
    {
        Assert.Equal(8.1m, Canonical(LabAnalyte.Haemoglobin, 8.1m, "g/dL"));
    }

    [Fact]
    public void Haemoglobin_in_g_per_L_is_divided_by_10()
    {
        Assert.Equal(12.5m, Canonical(LabAnalyte.Haemoglobin, 125m, "g/L"));
    }

    [Fact]
    public void Haemoglobin_in_mmol_per_L_is_divided_by_0_6206()
    {
        Assert.Equal(13.70, (double)Canonical(LabAnalyte.Haemoglobin, 8.5m, "mmol/L"), 2);
    }

    [Theory]
    [InlineData(LabAnalyte.Cd4, 450, "cells/µL", 450)]
    [InlineData(LabAnalyte.Cd4, 0.45, "10^9/L", 450)]
    [InlineData(LabAnalyte.Cd34Blood, 14, "/uL", 14)]
    [InlineData(LabAnalyte.Cd34Blood, 0.02, "x10^9/L", 20)]
    public void CD4_and_CD34_are_canonical_in_cells_per_microlitre(LabAnalyte analyte, double value, string unit, double expected)
    {
        Assert.Equal((decimal)expected, Canonical(analyte, (decimal)value, unit));
    }

    [Fact]
    public void Neutrophil_percentage_is_canonical_in_percent()
    {
        Assert.Equal(62m, Canonical(LabAnalyte.NeutrophilPercent, 62m, "%"));
    }

    [Fact]
    public void A_percentage_above_100_is_refused()
    {
        Assert.False(LabUnits.ToCanonical(LabAnalyte.NeutrophilPercent, 120m, "%").IsSuccess);
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        var result = LabUnits.ToCanonical(LabAnalyte.Platelets, -3m, "10^9/L");

        Assert.Equal("Platelets cannot be negative (-3).", result.Error);
    }

    [Fact]
    public void A_unit_that_does_not_fit_the_analyte_is_refused_with_the_units_to_use()
    {
        var result = LabUnits.ToCanonical(LabAnalyte.Platelets, 30m, "mmol/L");

        Assert.Equal("\"mmol/L\" is not a unit for Platelets. Use × 10⁹/L or cells/µL.", result.Error);
    }

    [Fact]
    public void A_missing_unit_is_refused_rather_than_guessed()
    {
        var result = LabUnits.ToCanonical(LabAnalyte.Anc, 500m, " ");

        Assert.False(result.IsSuccess);
        Assert.Contains("unit for ANC 500 is missing", result.Error);
    }

    [Fact]
    public void G_per_L_means_giga_for_counts_and_grams_for_haemoglobin()
    {
        Assert.Equal(120m, Canonical(LabAnalyte.Platelets, 120m, "g/L"));
        Assert.Equal(12m, Canonical(LabAnalyte.Haemoglobin, 120m, "G/L"));
    }
}
