using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>The one rule for display names, shared by registration and the profile page.</summary>
public static class DisplayNames
{
    /// <summary>The trimmed name, or null with a sentence saying what is wrong.</summary>
    public static string? Validate(string? name, out string? error)
    {
        var trimmed = name?.Trim() ?? "";
        error = trimmed.Length switch
        {
            0 => "Enter the name other people will see, such as your first name or a nickname.",
            > AppUser.DisplayNameMaxLength => $"The display name can be at most {AppUser.DisplayNameMaxLength} characters (it has {trimmed.Length}).",
            _ => trimmed.Contains('@') ? "Use a name rather than an e-mail address: the display name is public." : null,
        };
        return error is null ? trimmed : null;
    }
}
