namespace HsctJournals.Domain.Comments;

/// <summary>A generated avatar. Nothing in it reveals the e-mail address it was made from.</summary>
/// <param name="Id">A stable, keyed identifier (32 hex digits) for caching or an avatar URL.</param>
/// <param name="Initials">One or two characters shown on the avatar, or "?".</param>
/// <param name="Background">The background colour as "#rrggbb"; white text on it meets WCAG AA (≥ 4.5:1).</param>
/// <param name="Svg">The avatar as an SVG element to inline in an HTML page, with the initials encoded.</param>
public sealed record AvatarImage(string Id, string Initials, string Background, string Svg);
