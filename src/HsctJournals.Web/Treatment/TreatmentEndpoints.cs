using System.Globalization;
using System.Text;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Treatment.Fhir;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Non-page responses of the treatment feature: chart SVGs, CSV exports and the follow-up
/// calendar. Every one asks <see cref="TreatmentAccess"/> first; a reader without rights gets the
/// same 404 as for a journal without a course.
/// </summary>
internal static class TreatmentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Site resources, not the JSON API: kept out of the OpenAPI document.
        var site = app.MapGroup("").ExcludeFromDescription();
        app = site;
        app.MapGet("/j/{journal}/treatment/charts/{name}.svg", async (string journal, string name, HttpContext http, TreatmentAccess access, TreatmentQueries queries, IMemoryCache cache, CancellationToken ct) =>
        {
            var view = await access.FindViewableAsync(journal, Reader.From(http.User), ct);
            return view is null ? Results.NotFound() : ChartResult(http, await queries.LoadAsync(view, ct), name, cache);
        });
        app.MapGet("/clinician/{token}/charts/{name}.svg", async (string token, string name, HttpContext http, TreatmentAccess access, TreatmentQueries queries, IMemoryCache cache, CancellationToken ct) =>
        {
            // Chart images belong to a page view that was already logged; they are not counted again.
            var view = await access.FindByClinicianTokenAsync(token, logAccess: false, ct);
            return view is null ? Results.NotFound() : ChartResult(http, await queries.LoadAsync(view, ct), name, cache);
        });
        app.MapGet("/j/{journal}/treatment/export/{file}.csv", async (string journal, string file, HttpContext http, TreatmentAccess access, TreatmentQueries queries, CancellationToken ct) =>
        {
            if (file is not ("labs" or "events")) return Results.NotFound();
            var view = await access.FindViewableAsync(journal, Reader.From(http.User), ct);
            if (view is null) return Results.NotFound();
            var snapshot = await queries.LoadAsync(view, ct);
            NoStore(http);
            var csv = file == "labs" ? TreatmentCsv.Labs(snapshot) : TreatmentCsv.Events(snapshot);
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"{view.Journal.Slug}-{file}.csv");
        });
        // FHIR R4 export (issue 9 item 5): the same sharing rule as every other read of the course.
        app.MapGet("/j/{journal}/treatment/export/fhir.json", async (string journal, HttpContext http, TreatmentAccess access, TreatmentQueries queries, FhirExport fhir, CancellationToken ct) =>
        {
            var view = await access.FindViewableAsync(journal, Reader.From(http.User), ct);
            if (view is null) return Results.NotFound();
            NoStore(http);
            return fhir.Result(await queries.LoadAsync(view, ct), $"{view.Journal.Slug}-treatment.fhir.json");
        });
        app.MapGet("/clinician/{token}/fhir.json", async (string token, HttpContext http, TreatmentAccess access, TreatmentQueries queries, FhirExport fhir, CancellationToken ct) =>
        {
            var view = await access.FindByClinicianTokenAsync(token, logAccess: true, ct);
            if (view is null) return Results.NotFound();
            NoStore(http);
            return fhir.Result(await queries.LoadAsync(view, ct), "treatment.fhir.json");
        });
        app.MapGet("/treatment/calendar/{token}.ics", async (string token, HttpContext http, TreatmentAccess access, TreatmentQueries queries, CancellationToken ct) =>
        {
            var view = await access.FindByCalendarTokenAsync(token, ct);
            if (view is null) return Results.NotFound();
            var snapshot = await queries.LoadAsync(view, ct);
            NoStore(http);
            return Results.Text(FollowUpCalendar.Write(view.Journal.Title, snapshot.Course.FollowUps), "text/calendar; charset=utf-8", Encoding.UTF8);
        });
    }

    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    /// <summary>
    /// SVG with an ETag from the data hash and the layout (<c>?layout=narrow</c> for phones); a
    /// matching If-None-Match answers 304. Rendered SVGs are cached by that tag.
    /// </summary>
    private static IResult ChartResult(HttpContext http, CourseSnapshot snapshot, string name, IMemoryCache cache)
    {
        // ?asof=YYYY-MM-DD: the course as it stood that day (a post's embed, issue 9 item 4).
        if (http.Request.Query["asof"] is { Count: > 0 } asof)
        {
            if (!DateOnly.TryParseExact(asof.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "asof must be a date written like 2026-03-20.");
            snapshot = snapshot.AsOf(day);
        }
        var data = ChartData.For(snapshot, name);
        if (data is null) return Results.NotFound();
        var layout = http.Request.Query["layout"] == "narrow" ? ChartLayout.Narrow : ChartLayout.Wide;
        var hash = data.Hash() + (layout == ChartLayout.Narrow ? "n" : "");
        var etag = new EntityTagHeaderValue($"\"{hash}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // Private and revalidated every time: sharing can be withdrawn, and the check is cheap.
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        var match = http.Request.GetTypedHeaders().IfNoneMatch;
        if (match.Any(m => m.Compare(etag, useStrongComparison: false))) return Results.StatusCode(StatusCodes.Status304NotModified);
        var svg = cache.GetOrCreate("chart:" + hash, entry =>
        {
            entry.SetSlidingExpiration(TimeSpan.FromMinutes(30));
            return ChartRenderer.Svg(data, layout);
        })!;
        return Results.Text(svg, "image/svg+xml; charset=utf-8", Encoding.UTF8);
    }
}
