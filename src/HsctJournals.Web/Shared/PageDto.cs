namespace HsctJournals.Web.Shared;

/// <summary>One page of a list, with what a client needs to fetch the next.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Paging rules shared by the list endpoints.</summary>
public static class Paging
{
    /// <summary>Far beyond any real list, and small enough that (page - 1) * size cannot overflow.</summary>
    public const int MaxPage = 100_000;

    /// <summary>The page number, or null when it is out of range (callers answer 400).</summary>
    public static int? Validate(int? page) => page switch
    {
        null => 1,
        >= 1 and <= MaxPage => page,
        _ => null,
    };

    public const string OutOfRange = "The page number must be between 1 and 100000.";
}
