using System.Text.Json;

namespace HsctJournals.Web.Portability;

/// <summary>An import job as its pages show it: the row, the progress this node knows of, and the report once it has one.</summary>
public sealed record ImportJobView(ImportJob Job, ImportProgress? Progress, ImportReport? Report)
{
    public bool Running => Job.Status is ImportJobStatus.Queued or ImportJobStatus.Running;

    /// <summary>
    /// The query parameter with which the reader asks the running job's page to reload itself. A page that reloads on
    /// its own is a timing the reader did not choose (WCAG 2.2.1; axe's meta-refresh rule), so it only does when asked,
    /// and then says how to stop; without it the page offers the choice and a link to look again.
    /// </summary>
    public const string AutoRefreshParameter = "auto";
    public const int RefreshSeconds = 2;

    public static bool AutoRefreshAsked(HttpRequest request) => request.Query[AutoRefreshParameter] == "1";

    /// <summary>The seconds for the page's meta refresh: only while the job runs and only when the reader asked.</summary>
    public int? RefreshFor(HttpRequest request) => Running && AutoRefreshAsked(request) ? RefreshSeconds : null;

    public static ImportJobView Of(ImportJob job, ImportQueue queue) =>
        new(job, queue.Progress(job.Id), job.ReportJson is null ? null : JsonSerializer.Deserialize<ImportReport>(job.ReportJson));
}
