using Microsoft.AspNetCore.Mvc.Filters;

namespace HsctJournals.Web.Shared;

/// <summary>
/// For a page that reads its <c>multipart/form-data</c> posts itself with <see cref="StreamedForm"/>: runs
/// as a resource filter, so before model binding (which then binds the fields it installed). The page itself
/// carries <see cref="MultipartReadByPageAttribute"/> so that <see cref="InputCleaning"/> leaves the body unread.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public abstract class StreamedFormAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && StreamedForm.IsMultipart(http.Request))
            await ReadAsync(http, context.RouteData, http.RequestAborted);
        await next();
    }

    /// <summary>Reads the body with <see cref="StreamedForm.ReadAsync"/>, keeping what the page needs in the request's features.</summary>
    protected abstract Task ReadAsync(HttpContext http, RouteData route, CancellationToken ct);
}
