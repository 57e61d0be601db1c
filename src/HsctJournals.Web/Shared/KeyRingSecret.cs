using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace HsctJournals.Web.Shared;

/// <summary>
/// A server secret for keyed hashes (HMAC) that must come out the same on every node and every day:
/// derived from the oldest Data Protection master key, which every node shares (sign-in cookies already
/// need that) and which is never deleted, only retired. Data Protection itself is no use for this,
/// because its output is different each time.
/// </summary>
public static class KeyRingSecret
{
    /// <summary>A 32-byte key for <paramref name="purpose"/>; different purposes get unrelated keys.</summary>
    public static byte[] Derive(IDataProtectionProvider protection, IKeyManager keys, string purpose) =>
        HMACSHA256.HashData(Ring(protection, keys), Encoding.UTF8.GetBytes(purpose));

    private static byte[] Ring(IDataProtectionProvider protection, IKeyManager keys)
    {
        // Protecting something makes sure the ring has a key on a fresh installation.
        protection.CreateProtector("HsctJournals.Comments.KeyRing").Protect([1]);
        var oldest = keys.GetAllKeys().Where(k => !k.IsRevoked).OrderBy(k => k.CreationDate).ThenBy(k => k.KeyId).FirstOrDefault()
            ?? throw new InvalidOperationException("The Data Protection key ring has no usable key to derive a server secret from.");
        var xml = oldest.Descriptor.ExportToXml().SerializedDescriptorElement.ToString(SaveOptions.DisableFormatting);
        return SHA256.HashData(Encoding.UTF8.GetBytes(oldest.KeyId.ToString("N") + xml));
    }
}
