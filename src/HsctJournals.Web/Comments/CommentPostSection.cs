using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Comments;

/// <summary>
/// The comments under a post: the post page's section (<see cref="IPostSection"/>) and the form post that adds one.
/// The form posts back to the post's own address (<c>?handler=Comment</c>), so a problem re-shows the whole page
/// with the text kept; forgery is checked by hand (<see cref="FormGuard"/>) for the same reason.
/// </summary>
public sealed class CommentPostSection(JournalContext here, CommentThreads threads, CommentService comments,
    CommentCookies cookies, FormTimestamp timestamps, FormGuard guard) : IPostSection
{
    /// <summary>The form's fields post as <c>Input.*</c> (<see cref="CommentSection.Input"/> is named to match).</summary>
    private const string FormPrefix = "Input";

    public int Order => 100;
    public const string HandlerName = "Comment";
    public string? Handler => HandlerName;

    public async Task<PostSectionView> LoadAsync(PostPageModel page, Post post, object? posted, CancellationToken ct)
    {
        var query = await QueryAsync(page);
        var again = posted as PostedAgain;
        var section = await threads.LoadAsync(here, post, page.Request, query.CPage, again is null ? query.ReplyTo : again.Input.ParentId, ct);
        section.CommentCount = post.CommentCount;
        if (again is not null)
        {
            // Re-shown, the form answers the comment it sits under (none when that comment is gone): the hidden
            // field shows that, not what was posted, and an unreadable parent is already the message above the form.
            page.ModelState.Remove($"{FormPrefix}.{nameof(CommentForm.ParentId)}");
            if (again.FieldErrors is not null) page.ModelState.AddErrors(again.FieldErrors);
            again.Input.ParentId = (int?)section.ReplyTo?.Id;
            section.Input = again.Input;
            section.FormTimestamp = timestamps.Now();
            if (section.FormShown) section.Error = again.Error;
        }
        if (section.FeedPath is not null) page.Meta.Feeds.Add(($"Comments on {post.Title} (RSS)", "application/rss+xml", section.FeedPath));
        return new PostSectionView("/Comments/_PostComments.cshtml", section, "~/js/comments.js");
    }

    public async Task<PostSectionAnswer> PostAsync(PostPageModel page, string postSlug, CancellationToken ct)
    {
        var input = new CommentForm();
        await page.BindAsync(input, FormPrefix);
        var http = page.HttpContext;
        // A parent id that is not a number binds as null; say so rather than post the reply at top level.
        var parentUnreadable = page.ModelState[$"{FormPrefix}.{nameof(CommentForm.ParentId)}"]?.Errors.Count > 0;
        var requestedParent = input.ParentId;
        if (!await guard.IsValidAsync(http))
            return Again(input, "This page had been open too long, or the form came from another site, so it was not posted. Your comment is still here: press Post Comment again.");
        if (parentUnreadable)
            return Again(input, "The comment you are replying to could not be found. Your text is kept: you can post it as a new comment.");

        // The service applies every rule (the post's access, closed threads, who may comment), so the page's
        // content is loaded only when the form has to be shown again, not for every accepted comment.
        var outcome = await comments.PostAsync(here, new CommentSubmission
        {
            PostSlug = postSlug,
            Text = input.Text, AuthorName = input.AuthorName, AuthorEmail = input.AuthorEmail, Website = input.Website,
            ParentId = requestedParent, NotifyOnReply = input.NotifyOnReply,
            HoneypotFilled = !string.IsNullOrEmpty(input.Homepage),
            CheckFillTime = true, RenderedAt = timestamps.Read(input.Rendered),
            IpAddress = http.Connection.RemoteIpAddress,
            AuthorTokenHash = CommentCookies.EnsureAuthorToken(http),
        }, ct);

        switch (outcome.Kind)
        {
            case CommentOutcomeKind.NotFound:
                return PostSectionAnswer.Done(new NotFoundResult());
            case CommentOutcomeKind.Approved or CommentOutcomeKind.Held:
                if (!here.Reader.IsSignedIn)
                    cookies.Write(http, input.Remember, new RememberedDetails(input.AuthorName?.Trim() ?? "", input.AuthorEmail?.Trim() ?? "", input.Website?.Trim()));
                var comment = outcome.Comment!;
                var number = await threads.PageOfAsync(here, comment, page.Request, ct);
                return PostSectionAnswer.Done(new RedirectResult(CommentSection.CommentLink(here.Journal.Slug, postSlug, number, comment.Id)));
            case CommentOutcomeKind.Invalid:
                return Again(input, outcome.Message, outcome.Errors);
            case CommentOutcomeKind.RateLimited:
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Again(input, outcome.Message);
            default:
                return Again(input, outcome.Message);
        }
    }

    /// <summary>The page again with the form as the reader filled it in, and why it was not posted.</summary>
    private static PostSectionAnswer Again(CommentForm input, string? error, IReadOnlyDictionary<string, string[]>? fieldErrors = null) =>
        PostSectionAnswer.ShowAgain(new PostedAgain(input, error, fieldErrors));

    private sealed record PostedAgain(CommentForm Input, string? Error, IReadOnlyDictionary<string, string[]>? FieldErrors);

    /// <summary>The thread's page and the comment to reply to without JavaScript, bound as the page's handler arguments were.</summary>
    private static async Task<CommentPageQuery> QueryAsync(PostPageModel page)
    {
        var query = new CommentPageQuery();
        await page.BindAsync(query, "");
        return query;
    }

    private sealed class CommentPageQuery
    {
        public int? CPage { get; set; }
        public int? ReplyTo { get; set; }
    }
}
