using System.Globalization;
using System.Text;
using QRCoder;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// What an authenticator app needs to be set up: the key written for typing in, and the <c>otpauth://</c>
/// address (RFC 6238 key URI) drawn as a QR code with QRCoder.
/// </summary>
public sealed record AuthenticatorSetup(string Issuer, string Key, string Uri)
{
    /// <param name="issuer">The name authenticator apps show next to the code: the site's name.</param>
    public static AuthenticatorSetup For(string issuer, string email, string unformattedKey) =>
        new(issuer, Group(unformattedKey), string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(email)}?secret={unformattedKey}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6"));

    /// <summary>The QR code as a PNG data address for an &lt;img&gt; (no script, no request to anyone else).</summary>
    public string QrCodeDataUrl()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    // Groups of four lower-case letters are easier to copy by hand than one long run.
    private static string Group(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(text.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return text.ToString().ToLowerInvariant();
    }
}
