using HsctJournals.Domain.Portability;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Portability;

/// <summary>
/// Old WordPress addresses of imported posts (<c>/2024/03/slug/</c>, <c>/2024/03/04/slug/</c>,
/// <c>/?p=7</c>) answer 301 to the post when the old domain points here. The host decides when two
/// journals recorded the same path, and then the newest import. A post the visitor may not read is not revealed: the request
/// goes on as if nothing were recorded (a 404, or the site home for <c>/?p=</c>).
/// </summary>
public sealed class LegacyRedirects(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, JournalsDbContext db, JournalAccess access)
    {
        if (!ReadOnlyRequests.Is(context.Request)
            || OldAddress.Normalise(context.Request.Path.Value, context.Request.QueryString.Value) is not { } path)
        {
            await next(context);
            return;
        }
        var host = OldAddress.Host(context.Request.Host.Value ?? "");
        // Newest first: a site imported again into another journal answers from the latest import.
        var candidates = await db.LegacyPermalinks.Where(l => l.Path == path).OrderByDescending(l => l.Id)
            .Select(l => new { l.Host, l.PostId }).Take(50).ToListAsync(context.RequestAborted);
        var postId = candidates.FirstOrDefault(c => c.Host == host)?.PostId
            ?? (candidates.Select(c => c.PostId).Distinct().Count() == 1 ? candidates[0].PostId : null);
        var target = postId is null ? null : await access.LivePosts(Reader.From(context.User)).Where(p => p.Id == postId)
            .Select(p => new { Journal = p.Journal.Slug, p.Slug }).FirstOrDefaultAsync(context.RequestAborted);
        if (target is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = $"/j/{target.Journal}/posts/{target.Slug}";
    }
}
