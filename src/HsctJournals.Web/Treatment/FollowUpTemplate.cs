namespace HsctJournals.Web.Treatment;

/// <summary>
/// A starting schedule from domain/hsct.md §8 (follow-up at 3, 6 and 12 months, then yearly;
/// revaccination as the clinic decides) with the Day +100 review of §2. Every item says "as your
/// clinic sets it": the owner edits or deletes them; the app never imposes a schedule.
/// </summary>
public static class FollowUpTemplate
{
    public sealed record Item(string Title, DateOnly Due, string Note);

    public static IReadOnlyList<Item> Items(DateOnly dayZero) =>
    [
        // §8: follow-up at 3, 6 and 12 months, then long-term (yearly [U]).
        new("3-month review", dayZero.AddMonths(3), "Bloods and neurology review. Change the date to the one your clinic gave you."),
        new("Ask the clinic about starting revaccination", dayZero.AddMonths(3), "Inactivated vaccines are often started from 3–6 months; your clinic decides, and some advise none."),
        // §2: registry forms key to Day 0, with a Day 100 form; the transplant team reviews then.
        new("Day +100 review", dayZero.AddDays(100), "The transplant team's Day +100 check: counts, immune recovery (lymphocytes, CD4), infections, transfusions — as your clinic sets it."),
        new("6-month review and MRI", dayZero.AddMonths(6), "EDSS, walk and peg tests, MRI, bloods — as your clinic sets it."),
        new("12-month review and MRI", dayZero.AddMonths(12), "As your clinic sets it."),
        new("2-year review", dayZero.AddMonths(24), "Yearly reviews are common; follow your clinic. Live vaccines (MMR, varicella) are not given before 24 months."),
    ];
}
