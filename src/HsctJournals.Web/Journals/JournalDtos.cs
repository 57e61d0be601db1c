using System.Linq.Expressions;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Journals;

/// <summary>A journal as the API shows it. People appear by display name only, never by e-mail address.</summary>
/// <param name="OwnerName">The owner's display name.</param>
/// <param name="YourRole">The caller's role in the journal, or null when they are not a member.</param>
/// <param name="Url">The journal's page on the website.</param>
public sealed record JournalDto(
    string Slug, string Title, string? Tagline, JournalVisibility Visibility, bool ShowDayNumbers,
    DateTime CreatedAt, string? OwnerName, JournalRole? YourRole, string Url)
{
    /// <summary>Maps in SQL, so lists fetch only these columns.</summary>
    public static Expression<Func<Journal, JournalDto>> Projection(string? userId) => j => new JournalDto(
        j.Slug, j.Title, j.Tagline, j.Visibility, j.ShowDayNumbers, j.CreatedAt,
        j.Members.Where(m => m.Role == JournalRole.Owner).Select(m => m.User.DisplayName).FirstOrDefault(),
        j.Members.Where(m => userId != null && m.UserId == userId).Select(m => (JournalRole?)m.Role).FirstOrDefault(),
        "/j/" + j.Slug);
}

/// <summary>
/// A journal to create, or changes to one. On create, omitted properties take their defaults
/// (a new journal is Private); on update, omitted properties keep their current values.
/// </summary>
/// <param name="Slug">Web address part; made from the title when empty on create.</param>
public sealed record JournalRequest(string? Title, string? Slug, string? Tagline, JournalVisibility? Visibility, bool? ShowDayNumbers)
{
    public JournalInput ToNewInput()
    {
        var input = new JournalInput { Title = Title ?? "", Slug = Slug, Tagline = Tagline };
        if (Visibility is { } visibility) input.Visibility = visibility;
        if (ShowDayNumbers is { } show) input.ShowDayNumbers = show;
        return input;
    }

    public JournalInput ToChangedInput(Journal current) => new()
    {
        Title = Title ?? current.Title,
        Slug = Slug ?? current.Slug,
        Tagline = Tagline ?? current.Tagline,
        Visibility = Visibility ?? current.Visibility,
        ShowDayNumbers = ShowDayNumbers ?? current.ShowDayNumbers,
    };
}
