namespace HsctJournals.Domain.Treatment;

/// <summary>
/// How many transfusions of each coded product were recorded (issue 9 item 3). Counted from the
/// code only (domain/hsct.md §5: which product is a coded choice, never a match on free text);
/// transfusions still without a code are counted apart, so a summary never silently under-counts.
/// </summary>
public sealed record TransfusionTally(int Platelets, int RedCells, int Plasma, int Other, int Uncoded)
{
    /// <summary>All transfusions recorded.</summary>
    public int Total => Platelets + RedCells + Plasma + Other + Uncoded;

    /// <summary>The tally of the given transfusions' products (null: not yet coded).</summary>
    public static TransfusionTally Of(IEnumerable<TransfusionProduct?> products)
    {
        var list = products.ToList();
        int Count(TransfusionProduct p) => list.Count(x => x == p);
        return new TransfusionTally(Count(TransfusionProduct.Platelets), Count(TransfusionProduct.RedCells),
            Count(TransfusionProduct.Plasma), Count(TransfusionProduct.Other), list.Count(x => x is null));
    }
}
