namespace HsctJournals.Domain.Comments;

/// <summary>
/// People need a few seconds to write even a short comment; scripts post the moment the form
/// arrives. Works without JavaScript: the form carries the time it was rendered, and the caller
/// must protect that value (sign or encrypt it) so it cannot be forged. A protected time cannot be
/// forged but could be replayed for ever, so it also has a maximum age.
/// </summary>
public static class FormFillTime
{
    /// <summary>The shortest believable time between rendering the form and posting it.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(3);

    /// <summary>
    /// True when the form came back sooner than <paramref name="minimum"/> (default
    /// <see cref="Minimum"/>) after it was rendered, or "before" it was rendered.
    /// </summary>
    public static bool IsTooFast(DateTimeOffset renderedAt, DateTimeOffset postedAt, TimeSpan? minimum = null) =>
        postedAt - renderedAt < (minimum ?? Minimum);

    /// <summary>The longest a form may stay open before it is shown again with a fresh time (issue 8, fix 6).</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromHours(24);

    /// <summary>
    /// True when the form came back more than <paramref name="maximum"/> (default <see cref="MaximumAge"/>) after it
    /// was rendered: a script that saved one form's time must not post with it for days.
    /// </summary>
    public static bool IsTooOld(DateTimeOffset renderedAt, DateTimeOffset postedAt, TimeSpan? maximum = null) =>
        postedAt - renderedAt > (maximum ?? MaximumAge);

    /// <summary>How much longer the commenter must wait before posting; zero when they may post now.</summary>
    public static TimeSpan RemainingWait(DateTimeOffset renderedAt, DateTimeOffset postedAt, TimeSpan? minimum = null)
    {
        var elapsed = postedAt - renderedAt;
        var needed = minimum ?? Minimum;
        if (elapsed < TimeSpan.Zero)
        {
            return needed;
        }

        return elapsed >= needed ? TimeSpan.Zero : needed - elapsed;
    }
}
