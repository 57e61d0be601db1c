namespace HsctJournals.Web.Portability;

/// <summary>The one check an uploaded WordPress file gets before it is queued (the page and the API share it).</summary>
public static class ImportUpload
{
    /// <summary>What the server reads at most; the configured limit (<see cref="PortabilityOptions.MaxUploadMegabytes"/>) is checked below it.</summary>
    public const long HardLimitBytes = 2L * 1024 * 1024 * 1024;

    /// <returns>A message for the owner, or null when the upload may be queued.</returns>
    public static string? Check(string? fileName, long? length, long maxBytes)
    {
        if (fileName is null || length is null or 0) return "Choose the WordPress export file (.xml) to upload.";
        if (length > maxBytes) return $"The file is {length / 1024 / 1024:N0} MB; the largest this site accepts is {maxBytes / 1024 / 1024:N0} MB.";
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".zip" or ".gz") return "This is a compressed archive. Unpack it first and upload the .xml file inside.";
        if (extension is not (".xml" or ".wxr" or ".txt" or ""))
            return $"A WordPress export is an .xml file; “{Path.GetFileName(fileName)}” is a {extension} file. In WordPress use Tools → Export.";
        return null;
    }

    /// <returns>A message for the owner, or null when the zip of an uploads folder may be queued.</returns>
    public static string? CheckArchive(string? fileName, long? length, long maxBytes)
    {
        if (fileName is null || length is null or 0) return "Choose the zip of your old site's wp-content/uploads folder.";
        if (length > maxBytes) return $"The file is {length / 1024 / 1024:N0} MB; the largest this site accepts is {maxBytes / 1024 / 1024:N0} MB. Zip the year folders of wp-content/uploads separately and upload them one after another.";
        var name = Path.GetFileName(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".xml" or ".wxr") return $"“{name}” is a WordPress export. Import it on the “Import from WordPress” page first; then upload the zip of the uploads folder here.";
        if (extension is ".gz" or ".tgz" or ".tar" or ".rar" or ".7z")
            return $"“{name}” is a {extension} archive; this site reads .zip archives only. Zip the wp-content/uploads folder (on most computers: right-click it, “Compress”).";
        if (extension is not ".zip") return $"“{name}” is not a zip archive. Zip the wp-content/uploads folder of your old site and upload the .zip file.";
        return null;
    }
}
