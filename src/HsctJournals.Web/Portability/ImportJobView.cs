using System.Text.Json;

namespace HsctJournals.Web.Portability;

/// <summary>An import job as its pages show it: the row, the progress this node knows of, and the report once it has one.</summary>
public sealed record ImportJobView(ImportJob Job, ImportProgress? Progress, ImportReport? Report)
{
    public bool Running => Job.Status is ImportJobStatus.Queued or ImportJobStatus.Running;

    public static ImportJobView Of(ImportJob job, ImportQueue queue) =>
        new(job, queue.Progress(job.Id), job.ReportJson is null ? null : JsonSerializer.Deserialize<ImportReport>(job.ReportJson));
}
