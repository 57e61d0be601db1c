using HsctJournals.Web.Caching;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Whether a browser that carries only its commenter secret (no sign-in, no remembered details) sees the pages every
/// anonymous reader sees. The secret lasts 30 days, and until this check every page read with it was rendered
/// afresh: the readers who come back most, the commenters, never got the shared page cache.
/// </summary>
public sealed class CommenterPages(JournalsDbContext db, IOptions<CommentOptions> options, TimeProvider clock) : ISharedPageCookieCheck
{
    public async Task<bool> SeesSharedPagesAsync(HttpRequest request, CancellationToken ct) =>
        CommentCookies.AuthorTokenHash(request) is { } tokenHash && await SameAsEveryonesAsync(tokenHash, ct);

    /// <summary>True when none of this secret's comments, under any post, is shown to it apart (<see cref="OwnCommentsShownApart"/>).</summary>
    /// <remarks>One lookup by the indexed <see cref="Comment.AuthorTokenHash"/>: a commenter has a handful of comments.</remarks>
    private async Task<bool> SameAsEveryonesAsync(string tokenHash, CancellationToken ct) =>
        !await OwnCommentsShownApart.Among(db.Comments.Where(c => c.AuthorTokenHash == tokenHash), options.Value.EditableSince(clock.GetUtcNow()))
            .AnyAsync(ct);
}
