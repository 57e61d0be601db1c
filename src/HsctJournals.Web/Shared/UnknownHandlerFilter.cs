using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HsctJournals.Web.Shared;

/// <summary>
/// A request that names no handler the page has (<c>POST</c> to a read-only page, an unknown
/// <c>?handler=</c>) would otherwise render the page with nothing loaded and fail. It is answered
/// 405 for a write and 404 for a read instead, before the page runs. A plain GET of a page without
/// <c>OnGet</c> still renders it, as Razor Pages does.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The error page answers every method itself (re-executed requests keep theirs).
        if (context.HandlerMethod is null && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            var request = context.HttpContext.Request;
            var isRead = ReadOnlyRequests.Is(request);
            var namesHandler = context.RouteData.Values.ContainsKey("handler") || request.Query.ContainsKey("handler");
            if (!isRead)
            {
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
                return Task.CompletedTask;
            }
            if (namesHandler)
            {
                context.Result = new NotFoundResult();
                return Task.CompletedTask;
            }
        }
        return next();
    }
}
