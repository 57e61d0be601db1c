namespace HsctJournals.Web.Treatment;

/// <summary>
/// The interval from a prior DMT's last dose (or stop) to mobilisation, shown as a fact
/// (domain/hsct.md §9). Whether it is long enough is the clinic's decision; the app does not judge it.
/// </summary>
public static class PriorTherapyInterval
{
    public static string Describe(DateOnly lastDoseOrStop, DateOnly mobilisation)
    {
        var days = mobilisation.DayNumber - lastDoseOrStop.DayNumber;
        if (days < 0) return $"{-days} days after mobilisation started";
        var months = Domain.Treatment.DayNumbering.WholeMonthsSince(lastDoseOrStop, mobilisation);
        return months >= 1 ? $"{days} days (about {months} month{(months == 1 ? "" : "s")})" : $"{days} days";
    }
}
