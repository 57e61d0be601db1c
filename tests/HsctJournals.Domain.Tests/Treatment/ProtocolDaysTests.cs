using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class ProtocolDaysTests
{
    private static readonly DateOnly Admission = new(2024, 3, 1);

    [Fact]
    public void The_admission_date_is_protocol_day_1()
    {
        Assert.Equal(1, ProtocolDays.Number(Admission, Admission));
        Assert.Equal("Protocol day 1", ProtocolDays.Label(Admission, Admission));
    }

    [Fact]
    public void Cells_back_on_protocol_day_13_sit_beside_Day_0()
    {
        var dayZero = Admission.AddDays(12);

        Assert.Equal("Protocol day 13", ProtocolDays.Label(Admission, dayZero));
        Assert.Equal("Day 0", DayNumbering.Label(dayZero, dayZero));
    }

    [Fact]
    public void There_is_no_protocol_day_before_admission()
    {
        Assert.Null(ProtocolDays.Number(Admission, Admission.AddDays(-1)));
        Assert.Null(ProtocolDays.Label(Admission, Admission.AddDays(-1)));
    }

    [Fact]
    public void A_clinic_that_counts_admission_as_day_0_can_say_so()
    {
        Assert.Equal(5, ProtocolDays.Number(Admission, Admission.AddDays(5), firstDayNumber: 0));
    }
}
