using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace HsctJournals.Web.Startup;

/// <summary>
/// Builds Razor Pages' action descriptors (every page's application model, found by reflection over its handlers and
/// bound properties) on another core while the main thread checks the database. Left to <c>MapRazorPages</c> and the
/// first request, it ran on the main thread after the database check: about a quarter of the main thread's work before
/// the first page (decision 0051). The provider builds its collection once under a lock, so whichever thread asks
/// first builds it and the other waits for the same collection.
/// </summary>
public static class PageModelWarmUp
{
    public static Task BuildPageModelsInBackground(this WebApplication app)
    {
        var provider = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>();
        return Task.Run(() => _ = provider.ActionDescriptors);
    }
}
