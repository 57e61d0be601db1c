namespace HsctJournals.Domain.Web;

/// <summary>
/// A short, human name for the browser behind a sign-in ("Firefox on Android"), so a person can tell
/// their sessions apart on the Sessions page. Only the family names are read from the User-Agent;
/// versions and anything else are left out (they change and say little to a reader).
/// </summary>
public static class DeviceLabel
{
    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg", "Edge"), ("OPR", "Opera"), ("Firefox", "Firefox"), ("FxiOS", "Firefox"), ("CriOS", "Chrome"), ("Chrome", "Chrome"), ("Chromium", "Chromium"), ("Safari", "Safari")];

    private static readonly (string Token, string Name)[] Systems =
        [("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    /// <summary>"Browser on system", or a plain fallback when the User-Agent names neither.</summary>
    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Unknown browser";
        var browser = First(Browsers, userAgent);
        var system = First(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => "Other browser or app",
            (_, null) => browser!,
            (null, _) => $"Browser on {system}",
            _ => $"{browser} on {system}",
        };
    }

    private static string? First((string Token, string Name)[] table, string userAgent) =>
        table.FirstOrDefault(e => userAgent.Contains(e.Token, StringComparison.Ordinal)).Name;
}
