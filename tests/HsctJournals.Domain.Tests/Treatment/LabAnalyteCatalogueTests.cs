using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class LabAnalyteCatalogueTests
{
    [Theory]
    [InlineData("WBC", LabAnalyte.Wbc)]
    [InlineData("wbc", LabAnalyte.Wbc)]
    [InlineData("White blood cells", LabAnalyte.Wbc)]
    [InlineData("ANC", LabAnalyte.Anc)]
    [InlineData("Neutrophils", LabAnalyte.Anc)]
    [InlineData("neutrophils %", LabAnalyte.NeutrophilPercent)]
    [InlineData("Neutrophils (%)", LabAnalyte.NeutrophilPercent)]
    [InlineData("lymphocytes", LabAnalyte.Lymphocytes)]
    [InlineData("Platelets", LabAnalyte.Platelets)]
    [InlineData("PLT", LabAnalyte.Platelets)]
    [InlineData("Hb", LabAnalyte.Haemoglobin)]
    [InlineData("haemoglobin", LabAnalyte.Haemoglobin)]
    [InlineData("Hemoglobin", LabAnalyte.Haemoglobin)]
    [InlineData("HGB", LabAnalyte.Haemoglobin)]
    [InlineData("CD4", LabAnalyte.Cd4)]
    [InlineData("cd4+", LabAnalyte.Cd4)]
    [InlineData("CD34", LabAnalyte.Cd34Blood)]
    [InlineData("  CD34+  ", LabAnalyte.Cd34Blood)]
    public void Analyte_names_are_recognised_case_insensitively(string text, LabAnalyte expected)
    {
        var result = LabAnalyteCatalogue.Parse(text);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("6690-2", LabAnalyte.Wbc)]
    [InlineData("751-8", LabAnalyte.Anc)]
    [InlineData("770-8", LabAnalyte.NeutrophilPercent)]
    [InlineData("731-0", LabAnalyte.Lymphocytes)]
    [InlineData("777-3", LabAnalyte.Platelets)]
    [InlineData("718-7", LabAnalyte.Haemoglobin)]
    [InlineData("24467-3", LabAnalyte.Cd4)]
    [InlineData("42808-4", LabAnalyte.Cd34Blood)]
    [InlineData("LOINC 751-8", LabAnalyte.Anc)]
    [InlineData("loinc:777-3", LabAnalyte.Platelets)]
    public void Analytes_are_recognised_by_their_LOINC_code(string code, LabAnalyte expected)
    {
        Assert.Equal(expected, LabAnalyteCatalogue.Parse(code).Value);
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_names_to_try()
    {
        var result = LabAnalyteCatalogue.Parse("ferritin");

        Assert.False(result.IsSuccess);
        Assert.Contains("\"ferritin\" is not a known blood value", result.Error);
        Assert.Contains("platelets", result.Error);
    }

    [Fact]
    public void A_LOINC_code_that_is_not_tracked_is_refused()
    {
        var result = LabAnalyteCatalogue.Parse("2276-4");

        Assert.Equal("LOINC 2276-4 is not one of the tracked blood values.", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_is_refused_not_thrown(string? text)
    {
        Assert.False(LabAnalyteCatalogue.Parse(text).IsSuccess);
    }

    [Fact]
    public void Every_analyte_has_a_definition_with_the_LOINC_code_and_UCUM_unit_from_the_domain_brief()
    {
        Assert.Equal(Enum.GetValues<LabAnalyte>().Length, LabAnalyteCatalogue.All.Count);
        Assert.Equal(("751-8", "10*9/L"), (LabAnalyteCatalogue.Get(LabAnalyte.Anc).Loinc, LabAnalyteCatalogue.Get(LabAnalyte.Anc).UcumUnit));
        Assert.Equal("g/dL", LabAnalyteCatalogue.Get(LabAnalyte.Haemoglobin).UcumUnit);
        Assert.Equal("/uL", LabAnalyteCatalogue.Get(LabAnalyte.Cd34Blood).UcumUnit);
    }

    [Fact]
    public void Reading_the_value_of_a_refused_parse_is_a_programming_error()
    {
        var result = LabAnalyteCatalogue.Parse("nonsense");

        Assert.False(result.TryGetValue(out _));
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }
}
