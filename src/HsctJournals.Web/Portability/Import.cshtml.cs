using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Portability;

/// <summary>The owner uploads a WordPress export; the import runs in the background and the job page shows its progress.</summary>
[Authorize, JournalPage(JournalCapability.Own)]
[RequestSizeLimit(ImportUpload.HardLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.HardLimitBytes)]
public sealed class ImportModel(JournalContext here, JournalsDbContext db, ImportQueue queue) : ImportUploadPage(here, db, queue)
{
    protected override long MaxBytes(ImportQueue queue) => queue.MaxBytes;
    protected override string? Check(string? fileName, long? length, long maxBytes) => ImportUpload.Check(fileName, length, maxBytes);
}
