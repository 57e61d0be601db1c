using HsctJournals.Web.Accounts;

namespace HsctJournals.Web.Portability;

/// <summary>Downloads for the journal's owner (signed in with the site cookie); the API has its own routes.</summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/j/{journal}/export/wordpress", WordPressAsync).RequireAuthorization().ExcludeFromDescription();
    }

    /// <summary>The journal as a WordPress file; 404 for anyone but an owner, exactly as for a missing journal.</summary>
    internal static async Task<IResult> WordPressAsync(string journal, HttpContext context, JournalAccess access, WordPressExporter exporter, TimeProvider clock, CancellationToken ct)
    {
        var owned = await access.FindOwnedAsync(journal, Reader.From(context.User), ct);
        if (owned is null) return Results.NotFound();
        var name = WordPressExporter.FileName(owned, clock.GetUtcNow().UtcDateTime);
        return Results.Stream(stream => exporter.WriteAsync(owned, stream, CancellationToken.None), "text/xml; charset=utf-8", name);
    }
}
