using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Shared;

/// <summary>
/// The one error page. It says nothing about why a page is missing: a private journal
/// and a journal that never existed look the same (design invariant 1).
/// API requests get ProblemDetails instead.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    /// <summary>For a missing page under /j/{slug}: where to ask for access. Shown for every such 404, existing journal or not, so it reveals nothing.</summary>
    public string? RequestAccessPath { get; private set; }

    public Task<IActionResult> OnGetAsync(int? code) => Respond(code);
    public Task<IActionResult> OnPostAsync(int? code) => Respond(code);
    public Task<IActionResult> OnPutAsync(int? code) => Respond(code);
    public Task<IActionResult> OnDeleteAsync(int? code) => Respond(code);

    private const string OutageApiDetail = "The database is unavailable for a moment; nothing was changed. Try again after the Retry-After seconds.";

    private async Task<IActionResult> Respond(int? code)
    {
        var status = code is >= 400 and < 600 ? code.Value : 500;
        // Only re-executed requests get here with a meaningful code; a direct visit to /error is a 404.
        var reexecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (reexecute is null && exception is null) status = 404;
        var originalPath = reexecute?.OriginalPath ?? exception?.Path ?? HttpContext.Request.Path.Value ?? "";
        // The database being down or locked is a wait, not a fault: 503 tells people, scripts and a proxy in front to try again.
        if (status == 500 && DatabaseOutage.Caused(exception?.Error))
        {
            status = 503;
            Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Response.StatusCode = status;

        if (originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = HttpContext,
                ProblemDetails = { Status = status, Detail = status == 503 ? OutageApiDetail : null },
            });
            return new EmptyResult();
        }

        (Heading, Explanation) = status switch
        {
            400 => ("That request could not be handled", "Something in the request was not valid. If you were filling in a form, go back and try again: your browser usually keeps what you typed."),
            404 => ("Page not found", "There is no page at this address, or it is not shared with you. If someone sent you a link, check it is complete, or sign in and try again."),
            405 => ("That action is not available here", "This address does not accept that kind of request."),
            413 => ("That was too large", "What you sent is larger than this site accepts. Posts can be up to 200,000 characters."),
            429 => ("Too many requests", "Please wait a minute and try again."),
            503 => ("The site cannot reach its database just now",
                "What you just sent was not saved, and nothing saved earlier is lost. Please try again in a minute. If you were " +
                "filling in a form, go back: your browser usually keeps what you typed."),
            _ => ("Something went wrong", "Sorry — this is our fault, not yours. Nothing you saved earlier is lost. Please try again in a moment."),
        };
        var journalSlug = System.Text.RegularExpressions.Regex.Match(originalPath, "^/j/([a-z0-9-]{1,80})(/|$)");
        if (status == 404 && journalSlug.Success) RequestAccessPath = $"/j/{journalSlug.Groups[1].Value}/request-access";
        return Page();
    }
}
