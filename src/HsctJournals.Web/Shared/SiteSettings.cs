namespace HsctJournals.Web.Shared;

/// <summary>Who may create an account.</summary>
public enum RegistrationMode
{
    /// <summary>Anyone may register.</summary>
    Open = 0,
    /// <summary>Only someone holding an open invitation link to a journal.</summary>
    InviteOnly = 1,
    /// <summary>Nobody; the admin creates no accounts either, people are invited while it is invite-only.</summary>
    Closed = 2,
}

/// <summary>When a new public journal appears on the site's lists (front page, site search, sitemap, API list).</summary>
public enum NewJournalListing
{
    /// <summary>As soon as it is public.</summary>
    AtOnce = 0,
    /// <summary>Only after a site admin approves it, which keeps spam journals off the front page.</summary>
    AfterApproval = 1,
}

/// <summary>
/// The site-wide settings the admin changes at run time. One row in the database (docs/decisions/0031), so
/// every node reads the same values; what is set in configuration (base URL, SMTP) stays in configuration.
/// </summary>
public class SiteSettings
{
    /// <summary>The id of the one row.</summary>
    public const int RowId = 1;
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 300;
    public const string DefaultName = "HSCT Journals";
    public const string DefaultDescription = "Stories of autologous stem cell transplantation, written by the people going through it.";

    public int Id { get; set; } = RowId;
    public RegistrationMode Registration { get; set; } = RegistrationMode.Open;
    public NewJournalListing NewJournals { get; set; } = NewJournalListing.AtOnce;
    /// <summary>Shown in every page's title and header.</summary>
    public string Name { get; set; } = DefaultName;
    /// <summary>Shown on the front page and as its search-engine description.</summary>
    public string Description { get; set; } = DefaultDescription;
    public DateTime UpdatedAt { get; set; }

    /// <summary>A copy that shares nothing mutable with this one (every property is a value or a string).</summary>
    public SiteSettings Copy() => (SiteSettings)MemberwiseClone();
}
