namespace HsctJournals.Web.Admin;

/// <summary>What an admin action did, with the sentence the page shows.</summary>
public sealed record AdminResult(bool Succeeded, string Message)
{
    public static AdminResult Ok(string message) => new(true, message);
    public static AdminResult Fail(string message) => new(false, message);
}
