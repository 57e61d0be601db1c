using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Portability;

/// <summary>The owner uploads a zip of the old WordPress site's uploads folder; a background job turns the imported posts' images into photos.</summary>
[Authorize, JournalPage(JournalCapability.Own)]
[RequestSizeLimit(ImportUpload.HardLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.HardLimitBytes)]
public sealed class ImportPhotosModel(JournalContext here, JournalsDbContext db, ImportQueue queue) : ImportUploadPage(here, db, queue)
{
    protected override long MaxBytes(ImportQueue queue) => queue.MaxArchiveBytes;
    protected override string? Check(string? fileName, long? length, long maxBytes) => ImportUpload.CheckArchive(fileName, length, maxBytes);
}
