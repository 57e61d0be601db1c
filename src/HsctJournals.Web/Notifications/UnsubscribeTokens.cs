using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace HsctJournals.Web.Notifications;

/// <summary>What an unsubscribe link stops.</summary>
public enum UnsubscribeKind { Follower, CommentReplies }

/// <summary>
/// Unsubscribe links that work without signing in and never expire: the id is sealed with the
/// site's data-protection keys (kept in the database, shared by every node), so a link cannot be
/// forged or altered, and nothing per recipient needs storing.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("HsctJournals.Notifications.Unsubscribe.v1");

    /// <summary>Stops a follower's mail about a journal.</summary>
    public string ForFollower(int followerId) => _protector.Protect($"f:{followerId}");

    /// <summary>Stops reply notifications for one comment.</summary>
    public string ForCommentReplies(int commentId) => _protector.Protect($"c:{commentId}");

    /// <summary>The kind and id in a token, or null for anything forged, truncated or garbled.</summary>
    public (UnsubscribeKind Kind, int Id)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        string plain;
        try { plain = _protector.Unprotect(token); }
        catch (Exception e) when (e is CryptographicException or FormatException) { return null; }
        if (plain.Length < 3 || plain[1] != ':' || !int.TryParse(plain.AsSpan(2), out var id)) return null;
        return plain[0] switch
        {
            'f' => (UnsubscribeKind.Follower, id),
            'c' => (UnsubscribeKind.CommentReplies, id),
            _ => null,
        };
    }
}
