using System.Collections.Concurrent;
using System.Reflection;
using HsctJournals.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HsctJournals.Web.Journals;

/// <summary>
/// Resolves the {journal} route value of a <see cref="JournalPageAttribute"/> page once, before its handler,
/// and answers 404 when the reader may not read the journal or lacks the page's capability. Pages without the
/// attribute (requesting access, invitations) are left alone: they must work for people who cannot read yet;
/// so is an address of a marked page that has no {journal} (the site-wide search).
/// </summary>
public sealed class JournalPageFilter(JournalContext journal) : IAsyncPageFilter
{
    // Each page type's attribute, looked up once: reading attributes by reflection allocates them anew every time,
    // 1.4 % of a signed-in post page when it was done per request.
    private static readonly ConcurrentDictionary<Type, JournalPageAttribute?> Required = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var required = Required.GetOrAdd(context.HandlerInstance.GetType(), type => type.GetCustomAttribute<JournalPageAttribute>(inherit: true));
        // A page with a second, journal-less address (site-wide /search) runs without a journal there.
        if (required is not null && context.RouteData.Values["journal"] is string slug)
        {
            var http = context.HttpContext;
            if (!await journal.ResolveForAsync(http, slug) || !journal.Can(required.Capability))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }
        await next();
    }
}
