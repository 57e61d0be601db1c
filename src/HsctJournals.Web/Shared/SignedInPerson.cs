namespace HsctJournals.Web.Shared;

/// <summary>
/// The signed-in person as this request's session check found them (Accounts' <c>UserSessions</c>, which runs on every
/// request with a sign-in cookie and reads the person's row anyway): their display name comes with that one statement,
/// so a page that shows it ("Commenting as …") does not read it again.
/// </summary>
/// <remarks>
/// Only what this request read: empty for a request without a sign-in cookie (an API token, a service called outside a
/// request), and then a caller reads the name itself. A name changed by another request meanwhile shows from the next
/// page on, as it would have with a read of its own a few milliseconds earlier.
/// </remarks>
public sealed class SignedInPerson
{
    private (string UserId, string DisplayName)? _found;

    /// <summary>Notes the person the session check found, with their current display name.</summary>
    public void Found(string userId, string displayName) => _found = (userId, displayName);

    /// <summary>The display name of <paramref name="userId"/> if this request's session check read it; null otherwise.</summary>
    public string? DisplayNameOf(string userId) => _found is { } found && found.UserId == userId ? found.DisplayName : null;
}
