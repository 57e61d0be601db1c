namespace HsctJournals.Web.Photos;

/// <summary>
/// Stored bytes, keyed by their SHA-256 (content-addressed: the same bytes are stored once, whoever
/// uploads them). The bytes live in <see cref="PhotoBlobChunk"/> rows so that reading and writing
/// stream a chunk at a time on both providers (docs/decisions/0011-photos-in-the-database.md).
/// </summary>
public class PhotoBlob
{
    /// <summary>Lower-case hex SHA-256 of the whole content.</summary>
    public required string Hash { get; set; }
    public long Length { get; set; }
    public int ChunkCount { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One slice of a blob, at most <see cref="PhotoBlobStore.ChunkSize"/> bytes.</summary>
public class PhotoBlobChunk
{
    public required string BlobHash { get; set; }
    public int Index { get; set; }
    public required byte[] Data { get; set; }
}
