using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Admin;

public static class AdminExtensions
{
    /// <summary>The site administration pages (/admin), for the SiteAdmin role only, and their use cases.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddFolderApplicationModelConvention("/Admin", m => m.Filters.Add(new AdminOnlyFilter())));
        services.AddScoped<AdminAudit>();
        services.AddScoped<SiteSettingsEditor>();
        services.AddScoped<FrontPageListing>();
        services.AddScoped<MailAdministration>();
        services.AddScoped<PeopleAdministration>();
        services.AddScoped<PersonDeletion>();
        return services;
    }
}
