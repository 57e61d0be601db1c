namespace HsctJournals.Web.Portability;

/// <summary>Something in the file that was not imported, and why.</summary>
public sealed record SkippedItem(string What, string Why);

/// <summary>What an import did, kept with its job and shown to the owner (and returned by the API).</summary>
public sealed class ImportReport
{
    /// <summary>Lists stop growing here so a hostile or huge file cannot make the report huge; the counts stay exact.</summary>
    public const int ListLimit = 500;

    public bool Succeeded { get; set; }
    /// <summary>Why the import failed; nothing was imported then.</summary>
    public string? Error { get; set; }
    public int? ErrorLine { get; set; }
    public int? ErrorColumn { get; set; }
    public string? SiteUrl { get; set; }
    public int PostsImported { get; set; }
    public int PostsAlreadyImported { get; set; }
    public int CommentsImported { get; set; }
    public int CommentsAlreadyImported { get; set; }
    public int SkippedCount { get; set; }
    public List<SkippedItem> Skipped { get; set; } = [];
    public List<string> Warnings { get; set; } = [];
    /// <summary>Images that still point at the old site; they stay links until photos can be imported.</summary>
    public List<string> Images { get; set; } = [];
    public int ImageCount { get; set; }

    /// <summary>Photo archive: files stored as new photos of the journal.</summary>
    public int PhotosImported { get; set; }
    /// <summary>Photo archive: files that were photos of the journal already (same bytes).</summary>
    public int PhotosAlreadyThere { get; set; }
    /// <summary>Photo archive: imported posts whose images now show the journal's photos.</summary>
    public int PostsUpdated { get; set; }
    /// <summary>Photo archive: "file in the archive ← address in the posts", for each image that found its file.</summary>
    public List<string> Matched { get; set; } = [];
    public int MatchedCount { get; set; }
    /// <summary>Photo archive: image files no imported post shows; they were not made into photos.</summary>
    public List<string> UnusedFiles { get; set; } = [];
    public int UnusedFileCount { get; set; }

    /// <summary>Restore: the new journal's address and title.</summary>
    public string? RestoredSlug { get; set; }
    public string? RestoredTitle { get; set; }

    /// <summary>True when the file held nothing that was not here already.</summary>
    public bool NothingNew => Succeeded && PostsImported == 0 && CommentsImported == 0 && PhotosImported == 0 && PostsUpdated == 0;

    public void Skip(string what, string why)
    {
        SkippedCount++;
        if (Skipped.Count < ListLimit) Skipped.Add(new SkippedItem(what, why));
    }

    public void Warn(string warning)
    {
        if (Warnings.Count < ListLimit) Warnings.Add(warning);
    }

    public void Image(string url)
    {
        ImageCount++;
        if (Images.Count < ListLimit && !Images.Contains(url)) Images.Add(url);
    }

    public void Match(string file, string address)
    {
        MatchedCount++;
        if (Matched.Count < ListLimit) Matched.Add($"{file} ← {address}");
    }

    public void Unused(string file)
    {
        UnusedFileCount++;
        if (UnusedFiles.Count < ListLimit) UnusedFiles.Add(file);
    }

    public static ImportReport Failed(WxrFormatException e) => new() { Succeeded = false, Error = e.Message, ErrorLine = e.Line, ErrorColumn = e.Column };
}

/// <summary>How far an import has come.</summary>
public sealed record ImportProgress(int ItemsDone, int ItemsTotal, int CommentsDone, int CommentsTotal);
