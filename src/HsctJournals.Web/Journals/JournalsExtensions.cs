using HsctJournals.Web.Journals.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Journals;

public static class JournalsExtensions
{
    public static IServiceCollection AddJournals(this IServiceCollection services)
    {
        // The one access rule; every read path starts from it (design invariant 1).
        services.AddScoped<JournalAccess>();
        services.AddScoped<JournalContext>();
        services.AddScoped<JournalHeaderLinks>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<JournalPageFilter>());
        services.AddScoped<PostEditor>();
        services.AddScoped<JournalEditor>();
        services.AddScoped<PostQueries>();
        services.AddScoped<JournalTimeZone>();
        services.AddScoped<DayLabels>();
        services.AddScoped<PostSearch>();
        services.Configure<RazorPagesOptions>(o =>
        {
            // Pages with more than one address.
            o.Conventions.AddPageRoute("/Journals/ArchiveList", "j/{journal}/{year:int}/{month:int}");
            o.Conventions.AddPageRoute("/Journals/Search", "j/{journal}/search");
            o.Conventions.AddPageRoute("/Journals/Write", "j/{journal}/posts/{slug}/edit");
        });
        return services;
    }

    /// <summary>Razor Pages carry their own routes; this maps them.</summary>
    public static WebApplication MapJournals(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
