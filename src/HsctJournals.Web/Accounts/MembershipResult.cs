namespace HsctJournals.Web.Accounts;

/// <summary>What a membership action did, with a sentence for the owner.</summary>
/// <param name="Succeeded">Whether anything changed as asked.</param>
/// <param name="Message">Shown on the members page as a notice or an error.</param>
/// <param name="NoAccount">Adding failed only because nobody has an account with that address: offer an invitation.</param>
public sealed record MembershipResult(bool Succeeded, string Message, bool NoAccount = false)
{
    public static MembershipResult Ok(string message) => new(true, message);
    public static MembershipResult Fail(string message) => new(false, message);
}
