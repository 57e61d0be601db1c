namespace HsctJournals.Domain.Treatment;

/// <summary>
/// Anniversaries of Day 0 ("stem cell birthday", "new life birthday").
/// A Day 0 on 29 February is celebrated on 28 February in common years.
/// </summary>
// domain/hsct.md §0 and §2: show anniversaries of Day 0.
public static class StemCellBirthdays
{
    /// <summary>All anniversaries after Day 0 up to and including <paramref name="upTo"/>, oldest first.</summary>
    public static IReadOnlyList<StemCellBirthday> Until(DateOnly dayZero, DateOnly upTo)
    {
        var birthdays = new List<StemCellBirthday>();
        for (var number = 1; dayZero.Year + number <= DateOnly.MaxValue.Year; number++)
        {
            var date = dayZero.AddYears(number);
            if (date > upTo)
            {
                break;
            }

            birthdays.Add(new StemCellBirthday(number, date));
        }

        return birthdays;
    }

    /// <summary>The first anniversary on or after <paramref name="today"/>, or null past year 9999.</summary>
    public static StemCellBirthday? Next(DateOnly dayZero, DateOnly today)
    {
        for (var number = 1; dayZero.Year + number <= DateOnly.MaxValue.Year; number++)
        {
            var date = dayZero.AddYears(number);
            if (date >= today)
            {
                return new StemCellBirthday(number, date);
            }
        }

        return null;
    }
}
