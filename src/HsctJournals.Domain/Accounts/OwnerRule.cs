namespace HsctJournals.Domain.Accounts;

/// <summary>
/// A journal always keeps at least one owner: nobody, the owner included, may remove or demote the
/// last one, because an ownerless journal could never be managed, shared or deleted again.
/// </summary>
public static class OwnerRule
{
    /// <summary>
    /// May a member who <paramref name="isOwner"/> lose or keep that role (<paramref name="staysOwner"/>)
    /// when the journal has <paramref name="owners"/> owners in all?
    /// </summary>
    public static bool Allows(bool isOwner, bool staysOwner, int owners) => !isOwner || staysOwner || owners > 1;

    /// <summary>What the people page says when the rule refuses.</summary>
    public const string Refusal = "A journal needs an owner. Make someone else an owner first.";
}
