using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using HsctJournals.Domain.Comments;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The two server secrets comments need: one keys the avatars (so an avatar never reveals the
/// e-mail address behind it), one keys the IP-address hashes (so stored hashes cannot be reversed by
/// hashing all four billion IPv4 addresses).
/// </summary>
/// <remarks>
/// Configured keys win. Otherwise each key is an HMAC of the oldest Data Protection master key with a
/// purpose label: stable for as long as the key ring is (keys are never deleted, only retired), and the
/// same on every node that shares the ring, which sign-in cookies already require.
/// </remarks>
public sealed class CommentKeys : IDisposable
{
    private readonly Lazy<byte[]> _avatar;
    private readonly Lazy<byte[]> _ip;
    private readonly MemoryCache _avatars = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public CommentKeys(IOptions<CommentOptions> options, IDataProtectionProvider protection, IKeyManager keys)
    {
        var derived = new Lazy<byte[]>(() => RingSecret(protection, keys));
        _avatar = new Lazy<byte[]>(() => Configured(options.Value.AvatarKey) ?? HMACSHA256.HashData(derived.Value, "HsctJournals.Comments.Avatar.v1"u8));
        _ip = new Lazy<byte[]>(() => Configured(options.Value.IpHashKey) ?? HMACSHA256.HashData(derived.Value, "HsctJournals.Comments.IpHash.v1"u8));
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

    private static byte[] RingSecret(IDataProtectionProvider protection, IKeyManager keys)
    {
        // Protecting something makes sure the ring has a key on a fresh installation.
        protection.CreateProtector("HsctJournals.Comments.KeyRing").Protect([1]);
        var oldest = keys.GetAllKeys().Where(k => !k.IsRevoked).OrderBy(k => k.CreationDate).ThenBy(k => k.KeyId).FirstOrDefault()
            ?? throw new InvalidOperationException("The Data Protection key ring has no usable key; set Comments:AvatarKey and Comments:IpHashKey.");
        var xml = oldest.Descriptor.ExportToXml().SerializedDescriptorElement.ToString(SaveOptions.DisableFormatting);
        return SHA256.HashData(Encoding.UTF8.GetBytes(oldest.KeyId.ToString("N") + xml));
    }

    public void Dispose() => _avatars.Dispose();
}
