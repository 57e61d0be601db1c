using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability.Backup;

namespace HsctJournals.Web.Portability;

/// <summary>Downloads for the journal's owner (signed in with the site cookie); the API has its own routes.</summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/j/{journal}/export/wordpress", WordPressAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/j/{journal}/export/backup", BackupAsync).RequireAuthorization().ExcludeFromDescription();
    }

    /// <summary>The journal as a WordPress file; 404 for anyone but an owner, exactly as for a missing journal.</summary>
    internal static async Task<IResult> WordPressAsync(string journal, HttpContext context, JournalContext here, WordPressExporter exporter, TimeProvider clock, CancellationToken ct)
    {
        if (!await here.ResolveAsync(journal, Reader.From(context.User), ct) || !here.IsOwner) return Results.NotFound();
        var owned = here.Journal;
        var name = WordPressExporter.FileName(owned, clock.GetUtcNow().UtcDateTime);
        return Results.Stream(stream => exporter.WriteAsync(owned, stream, CancellationToken.None), "text/xml; charset=utf-8", name);
    }

    /// <summary>"Download everything": the backup zip; 404 for anyone but an owner.</summary>
    internal static async Task<IResult> BackupAsync(string journal, HttpContext context, JournalContext here, BackupWriter writer, TimeProvider clock, CancellationToken ct)
    {
        if (!await here.ResolveAsync(journal, Reader.From(context.User), ct) || !here.IsOwner) return Results.NotFound();
        var owned = here.Journal;
        return Results.Stream(stream => writer.WriteAsync(owned.Id, stream, CancellationToken.None), "application/zip",
            BackupWriter.FileName(owned, clock.GetUtcNow().UtcDateTime));
    }
}
