namespace HsctJournals.Domain.Accounts;

/// <summary>
/// The label a person gives a passkey ("Phone", "Work laptop") so they can tell them apart on the passkeys page.
/// One line of text, trimmed, runs of white space made one space; an empty name gets a default.
/// </summary>
public static class PasskeyName
{
    /// <summary>Longest name kept; enough for "Grandma's tablet in the kitchen".</summary>
    public const int MaxLength = 60;

    /// <summary>The name of a passkey given none.</summary>
    public const string Default = "Passkey";

    /// <summary>The name to store, or null with <paramref name="error"/> set when it is too long.</summary>
    public static string? Clean(string? typed, out string? error)
    {
        var words = (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = string.Join(' ', words);
        error = name.Length > MaxLength ? $"Use at most {MaxLength} characters." : null;
        return error is null ? (name.Length == 0 ? Default : name) : null;
    }
}
