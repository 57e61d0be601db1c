namespace HsctJournals.Web.Photos;

/// <summary>Why an upload was refused; the API maps each to a status code, forms show the message.</summary>
public enum PhotoProblem
{
    /// <summary>Alt text, caption or other fields need fixing.</summary>
    Invalid,
    Empty,
    TooLarge,
    TooManyPixels,
    /// <summary>Not an image we take (SVG, a program, an archive, HEIC, a video…).</summary>
    UnsupportedType,
    /// <summary>The content is a different type from the one the name or the browser claims.</summary>
    TypeMismatch,
    Damaged,
    QuotaReached,
}

/// <summary>Thrown inside processing to end an upload with a message; never escapes <see cref="PhotoUpload"/>.</summary>
public sealed class PhotoRefusedException(PhotoProblem problem, string message) : Exception(message)
{
    public PhotoProblem Problem { get; } = problem;
}
