using System.Net;
using System.Security.Cryptography;
using System.Text;
using HsctJournals.Domain.Comments;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Caching.Memory;
using HsctJournals.Web.Shared;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The two server secrets comments need: one keys the avatars (so an avatar never reveals the
/// e-mail address behind it), one keys the IP-address hashes (so stored hashes cannot be reversed by
/// hashing all four billion IPv4 addresses).
/// </summary>
/// <remarks>
/// Configured keys win. Otherwise each key is derived from the key ring (<see cref="KeyRingSecret"/>) with a purpose label.
/// </remarks>
public sealed class CommentKeys : IDisposable
{
    private readonly Lazy<byte[]> _avatar;
    private readonly Lazy<byte[]> _ip;
    private readonly MemoryCache _avatars = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public CommentKeys(IOptions<CommentOptions> options, IDataProtectionProvider protection, IKeyManager keys)
    {
        _avatar = new Lazy<byte[]>(() => Configured(options.Value.AvatarKey) ?? KeyRingSecret.Derive(protection, keys, "HsctJournals.Comments.Avatar.v1"));
        _ip = new Lazy<byte[]>(() => Configured(options.Value.IpHashKey) ?? KeyRingSecret.Derive(protection, keys, "HsctJournals.Comments.IpHash.v1"));
    }

    /// <summary>The avatar for a commenter: initials on a colour keyed by their address.</summary>
    /// <remarks>
    /// Remembered per address, name and size (bounded): a page of 200 comments from a few dozen regular readers
    /// otherwise made the same keyed hash, colour search and SVG for every comment on every uncached request.
    /// </remarks>
    public AvatarImage AvatarFor(string? email, string? name, int size = 40) =>
        _avatars.GetOrCreate((email, name, size), entry =>
        {
            entry.Size = 1;
            return Avatar.Create(_avatar.Value, email, name, size);
        })!;

    /// <summary>The keyed hash of an IP address (64 hex digits), or null without one.</summary>
    public string? HashIp(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return Convert.ToHexStringLower(HMACSHA256.HashData(_ip.Value, Encoding.UTF8.GetBytes(address.ToString())));
    }

    private static byte[]? Configured(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var bytes = Encoding.UTF8.GetBytes(value.Trim());
        if (bytes.Length < Avatar.MinimumKeyLength)
            throw new InvalidOperationException($"Comment keys must be at least {Avatar.MinimumKeyLength} characters long.");
        return bytes;
    }

    public void Dispose() => _avatars.Dispose();
}
