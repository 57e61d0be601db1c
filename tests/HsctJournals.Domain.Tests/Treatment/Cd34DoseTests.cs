using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

/// <summary>The CD34+ dose per kg (domain/hsct.md §4): collected and infused share one plausibility rule.</summary>
public class Cd34DoseTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(6.3)]
    [InlineData(100)]
    public void Doses_above_zero_up_to_a_hundred_million_per_kg_are_accepted(double dose)
    {
        Assert.Equal((decimal)dose, Cd34Dose.Read((decimal)dose, "The CD34+ dose infused").Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Zero_or_less_is_refused(double dose)
    {
        Assert.Equal("The CD34+ dose infused is a number above 0, in millions of cells per kg (e.g. 5.8).", Cd34Dose.Read((decimal)dose, "The CD34+ dose infused").Error);
    }

    [Fact]
    public void A_dose_written_out_in_cells_per_kg_is_refused_with_its_reading_in_millions_never_divided_silently()
    {
        var result = Cd34Dose.Read(5_800_000m, "The CD34+ dose infused");

        Assert.False(result.IsSuccess);
        Assert.Equal("The CD34+ dose infused is entered in millions of cells per kg (× 10⁶/kg). 5\u202F800\u202F000 cells/kg would be 5.8 × 10⁶/kg: type 5.8.", result.Error);
    }

    [Fact]
    public void A_dose_above_a_hundred_but_not_a_whole_cell_count_is_refused_as_a_typing_or_unit_mistake()
    {
        var result = Cd34Dose.Read(580m, "CD34+ collected");

        Assert.Equal("CD34+ collected of 580 × 10⁶/kg is more than any harvest gives (usual doses are 2–10 × 10⁶/kg, at most 100 is accepted). Check the number and that it is per kg.", result.Error);
    }
}
