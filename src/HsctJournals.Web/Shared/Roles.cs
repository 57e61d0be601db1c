namespace HsctJournals.Web.Shared;

/// <summary>Site-wide Identity roles.</summary>
public static class Roles
{
    /// <summary>Runs the installation. Does not, by itself, read private journals (docs/decisions/0004).</summary>
    public const string SiteAdmin = "SiteAdmin";
}
