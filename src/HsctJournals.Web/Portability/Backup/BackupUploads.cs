using HsctJournals.Web.Journals;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Portability.Backup;

/// <summary>
/// The one path from an uploaded backup zip to a restored journal, shared by the page and the API:
/// checks the upload, keeps it in the work folder while it is read, restores, removes the file.
/// </summary>
public sealed class BackupUploads(BackupRestorer restorer, IOptions<PortabilityOptions> options, IHostEnvironment environment)
{
    public long MaxBytes => options.Value.MaxUploadMegabytes * 1024L * 1024L;

    public async Task<RestoreResult> RestoreAsync(string? fileName, long? length, Func<Stream> open, string userId, string? title, string? slug, CancellationToken ct)
    {
        if (Check(fileName, length) is { } problem) return Failed(problem);
        var folder = Path.Combine(environment.ContentRootPath, options.Value.WorkFolder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "restore-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            await using (var file = File.Create(path))
            await using (var upload = open())
                await upload.CopyToAsync(file, ct);
            return await restorer.RestoreAsync(path, userId, title, slug, ct);
        }
        catch (BackupFormatException e)
        {
            return Failed(e.Message);
        }
        finally
        {
            try { File.Delete(path); } catch (IOException) { } // a left-over upload in the work folder is harmless
        }
    }

    private string? Check(string? fileName, long? length)
    {
        if (fileName is null || length is null or 0) return "Choose the backup file (.zip) to upload.";
        if (length > MaxBytes) return $"The file is {length / 1024 / 1024:N0} MB; the largest this site accepts is {MaxBytes / 1024 / 1024:N0} MB.";
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".xml" or ".wxr") return "This is a WordPress export. Open the journal you want to fill and use “Import from WordPress” for it.";
        if (extension is not ".zip") return $"A backup is the .zip file that “Download everything” gave you; “{Path.GetFileName(fileName)}” is a {(extension.Length == 0 ? "file without an extension" : extension + " file")}.";
        return null;
    }

    private static RestoreResult Failed(string message) => new(null, new Dictionary<string, string[]> { ["Upload"] = [message] }, []);
}
