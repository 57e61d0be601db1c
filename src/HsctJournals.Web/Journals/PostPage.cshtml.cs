using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>
/// One post with its byline, tags, links to the previous and next posts, and its comments.
/// The comment form posts back here (handler "Comment") so a problem re-shows the whole page with
/// the text kept; forgery is checked by hand (<see cref="FormGuard"/>) for the same reason.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class PostPageModel(JournalContext context, JournalAccess access, DayLabels dayLabels, CommentThreads threads, CommentService comments,
    CommentCookies cookies, FormTimestamp timestamps, FormGuard guard, IPostEmbeds embeds, TimeProvider clock) : JournalPageModel(context)
{
    public Post Post { get; private set; } = null!;
    public PostSummary Summary { get; private set; } = null!;
    public List<Tag> Tags { get; private set; } = [];
    public PostSummary? Previous { get; private set; }
    public PostSummary? Next { get; private set; }
    public CommentSection Comments { get; private set; } = null!;
    /// <summary>The post's HTML for this reader: embedded charts and milestones only under the treatment sharing rule.</summary>
    public string BodyHtml { get; private set; } = "";

    [BindProperty] public CommentForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string journal, string slug, int? cpage, int? replyto, CancellationToken ct)
    {
        if (!await LoadAsync(journal, slug, cpage, replyto, ct)) return NotFound();
        ShareWithAnonymousReaders(Post.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(string journal, string slug, int? cpage, CancellationToken ct)
    {
        // A parent id that is not a number binds as null; say so rather than post the reply at top level.
        var parentUnreadable = ModelState[$"{nameof(Input)}.{nameof(Input.ParentId)}"]?.Errors.Count > 0;
        var requestedParent = Input.ParentId;
        if (!await guard.IsValidAsync(HttpContext))
            return await ReshowAsync(journal, slug, cpage, "This page had been open too long, or the form came from another site, so it was not posted. Your comment is still here: press Post Comment again.", ct);
        if (parentUnreadable)
            return await ReshowAsync(journal, slug, cpage, "The comment you are replying to could not be found. Your text is kept: you can post it as a new comment.", ct);

        // The service applies every rule (the post's access, closed threads, who may comment), so the page's
        // content is loaded only when the form has to be shown again, not for every accepted comment.
        var outcome = await comments.PostAsync(Context, new CommentSubmission
        {
            PostSlug = slug,
            Text = Input.Text, AuthorName = Input.AuthorName, AuthorEmail = Input.AuthorEmail, Website = Input.Website,
            ParentId = requestedParent, NotifyOnReply = Input.NotifyOnReply,
            HoneypotFilled = !string.IsNullOrEmpty(Input.Homepage),
            CheckFillTime = true, RenderedAt = timestamps.Read(Input.Rendered),
            IpAddress = HttpContext.Connection.RemoteIpAddress,
            AuthorTokenHash = CommentCookies.EnsureAuthorToken(HttpContext),
        }, ct);

        switch (outcome.Kind)
        {
            case CommentOutcomeKind.NotFound:
                return NotFound();
            case CommentOutcomeKind.Approved or CommentOutcomeKind.Held:
                if (!CurrentReader.IsSignedIn)
                    cookies.Write(HttpContext, Input.Remember, new RememberedDetails(Input.AuthorName?.Trim() ?? "", Input.AuthorEmail?.Trim() ?? "", Input.Website?.Trim()));
                var comment = outcome.Comment!;
                var page = await threads.PageOfAsync(Context, comment.PostId, comment.Id, Request, ct);
                return Redirect(CommentSection.CommentLink(Journal.Slug, slug, page, comment.Id));
            case CommentOutcomeKind.Invalid:
                return await ReshowAsync(journal, slug, cpage, outcome.Message, ct, outcome.Errors);
            case CommentOutcomeKind.RateLimited:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return await ReshowAsync(journal, slug, cpage, outcome.Message, ct);
            default:
                return await ReshowAsync(journal, slug, cpage, outcome.Message, ct);
        }
    }

    /// <summary>The page again with the form as the reader filled it in, and why it was not posted.</summary>
    private async Task<IActionResult> ReshowAsync(string journal, string slug, int? cpage, string? error, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? fieldErrors = null)
    {
        if (!await LoadAsync(journal, slug, cpage, Input.ParentId, ct)) return NotFound();
        // Re-shown, the form answers the comment it sits under (none when that comment is gone): the hidden
        // field shows that, not what was posted, and an unreadable parent is already the message above the form.
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.ParentId)}");
        if (fieldErrors is not null) ModelState.AddErrors(fieldErrors);
        Input.ParentId = (int?)Comments.ReplyTo?.Id;
        Comments.Input = Input;
        Comments.FormTimestamp = timestamps.Now();
        if (Comments.FormShown) Comments.Error = error;
        return Page();
    }

    private async Task<bool> LoadAsync(string journal, string slug, int? cpage, int? replyTo, CancellationToken ct)
    {
        var post = await access.ReadablePosts(CurrentReader).AsNoTracking()
            .Include(p => p.Tags).Include(p => p.Category).Include(p => p.Author)
            .FirstOrDefaultAsync(p => p.JournalId == Journal.Id && p.Slug == slug, ct);
        if (post is null) return false;
        Post = post;
        BodyHtml = await embeds.ForReaderAsync(post.Html, Journal, CurrentReader, postedAtUtc: post.LiveFrom, ct: ct);
        Tags = post.Tags.OrderBy(t => t.Name).ToList();
        Summary = (await dayLabels.LabelAsync([new PostSummary(post.Id, post.Title, post.Slug, Journal.Slug, Journal.Title,
            post.Byline ?? post.Author.DisplayName, post.PublishedAt, post.Status, post.Category?.Name, post.Category?.Slug, post.CommentCount, post.Excerpt)], ct))[0];

        if (post.LiveFrom is { } at)
        {
            // Both neighbours in one round trip (UNION ALL of the two one-row queries); each is told apart by its id.
            var live = access.LivePosts(CurrentReader).Where(p => p.JournalId == Journal.Id);
            var before = live.Where(p => p.PublishedAt < at || (p.PublishedAt == at && p.Id < post.Id))
                .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Select(p => p.Id).Take(1);
            var after = live.Where(p => p.PublishedAt > at || (p.PublishedAt == at && p.Id > post.Id))
                .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Select(p => p.Id).Take(1);
            var neighbours = before.Concat(after);
            var found = await PostQueries.Project(live.Where(p => neighbours.Contains(p.Id))).ToListAsync(ct);
            Previous = found.FirstOrDefault(p => p.PublishedAt < at || (p.PublishedAt == at && p.Id < post.Id));
            Next = found.FirstOrDefault(p => p.PublishedAt > at || (p.PublishedAt == at && p.Id > post.Id));
        }

        Comments = await threads.LoadAsync(Context, post, Request, cpage, replyTo, ct);
        Meta.Description = post.Excerpt;
        Meta.OgType = "article";
        Meta.CanonicalPath = Summary.Url;
        if (!post.IsLiveAt(clock.GetUtcNow().UtcDateTime)) Meta.NoIndex = true;
        // Link previews show the post's first photo only when anyone may see it: a live post of a public journal.
        else if (Journal.Visibility == JournalVisibility.Public) Meta.ImagePath = Photos.PostPhotos.FirstImagePath(post.Html);
        if (Comments.FeedPath is not null) Meta.Feeds.Add(($"Comments on {post.Title} (RSS)", "application/rss+xml", Comments.FeedPath));
        return true;
    }
}
