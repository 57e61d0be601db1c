using HsctJournals.Domain.Comments;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Comments;

/// <summary>
/// Posting a comment: the one use case behind the comment form and the API. Applies the access rule,
/// the fill-time and rate limits, field checks, the parent rules, duplicate detection and the journal's
/// moderation policy, then stores the comment, its outbox rows and the post's count in one transaction.
/// </summary>
public sealed class CommentService(
    JournalsDbContext db, JournalAccess access, CommentStore store, CommentKeys keys,
    IOptions<CommentOptions> options, TimeProvider clock)
{
    /// <summary>Posts a comment on a post of the request's journal (resolved by the page or endpoint filter), as its reader.</summary>
    public async Task<CommentOutcome> PostAsync(JournalContext here, CommentSubmission s, CancellationToken ct = default)
    {
        var (journal, reader, role) = (here.Journal, here.Reader, here.Role);
        // Only live posts take comments; a draft is "closed" for its writers and absent for everyone else.
        // Only the columns the rules below read, not the post's text; through the journal the request already resolved.
        var post = await access.FindPostForCommentsAsync(here, s.PostSlug, ct);
        if (post is null) return new(CommentOutcomeKind.NotFound);

        var now = clock.GetUtcNow();
        var settings = options.Value;
        var policyInput = CommentPolicies.InputFor(journal, post);
        if (CommentModeration.ClosedReason(policyInput, now) is { } closed) return new(CommentOutcomeKind.Rejected, closed);

        if (CommentPolicies.NotPermittedReason(journal.Comments, reader, role) is { } notPermitted)
            return new(CommentOutcomeKind.Rejected, notPermitted);

        if (s.CheckFillTime)
        {
            var minimum = TimeSpan.FromSeconds(settings.MinimumFillSeconds);
            if (s.RenderedAt is not { } rendered || FormFillTime.IsTooFast(rendered, now, minimum))
                return new(CommentOutcomeKind.TooFast,
                    "That was quicker than we expected a person to write. Your comment is still here: please check it and press Post Comment again.");
            if (FormFillTime.IsTooOld(rendered, now, TimeSpan.FromHours(settings.MaximumFormAgeHours)))
                return new(CommentOutcomeKind.FormExpired,
                    "This page was opened a long time ago, so the comment was not posted. Your comment is still here: press Post Comment again.");
        }

        var (name, email) = (s.AuthorName?.Trim() ?? "", s.AuthorEmail?.Trim() ?? "");
        if (reader.UserId is { } userId)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).FirstAsync(ct);
            (name, email) = (user.DisplayName, user.Email ?? "");
        }
        var text = CommentText.Normalise(s.Text);
        var website = string.IsNullOrWhiteSpace(s.Website) ? null : s.Website.Trim();
        var input = new CommentUnderReview
        {
            Text = text, AuthorName = name, AuthorEmail = email, Website = website,
            IsSignedIn = reader.IsSignedIn,
            IsApprovedReader = role is not null,
            IsJournalStaff = here.CanModerate,
            HoneypotFilled = s.HoneypotFilled,
        };
        var errors = CommentFields.Validate(input)
            .GroupBy(e => e.Field).ToDictionary(g => g.Key switch { nameof(CommentUnderReview.AuthorName) => nameof(CommentSubmission.AuthorName), var f => f }, g => g.Select(e => e.Message).ToArray());
        if (name.Length > Comment.NameMaxLength && !errors.ContainsKey(nameof(CommentSubmission.AuthorName)))
            errors[nameof(CommentSubmission.AuthorName)] = [$"Please keep your name to {Comment.NameMaxLength} characters."];

        Comment? parent = null;
        if (s.ParentId is { } parentId)
        {
            parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId && c.PostId == post.Id && c.Status == CommentStatus.Approved, ct);
            if (parent is null)
                errors[nameof(CommentSubmission.ParentId)] = ["The comment you are replying to is no longer available. Your text is kept: you can post it as a new comment."];
        }
        if (errors.Count > 0) return new(CommentOutcomeKind.Invalid, "Please check the fields marked below.") { Errors = errors };

        var normalisedEmail = DuplicateComment.NormaliseEmail(email);
        var ipHash = keys.HashIp(s.IpAddress);
        var rateWindow = TimeSpan.FromMinutes(settings.RateWindowMinutes);
        var since = (now - (rateWindow > DuplicateComment.Window ? rateWindow : DuplicateComment.Window)).UtcDateTime;
        var ipKey = reader.IsSignedIn ? null : ipHash;
        var ipSince = (now - rateWindow).UtcDateTime;
        var recent = new List<RecentComment>();
        await foreach (var row in RecentQuery.For(db)(db, normalisedEmail, since, ipKey, ipSince, post.Id).WithCancellation(ct)) recent.Add(row);
        var byEmail = recent.Where(r => r.ByEmail).ToList();
        if (RateLimit(byEmail.Select(r => Utc(r.CreatedAt)), ipKey is null ? null : recent.Where(r => r.ByAddress).Select(r => Utc(r.CreatedAt)),
                now, rateWindow, settings) is { IsAllowed: false } limited)
            return new(CommentOutcomeKind.RateLimited,
                $"You have posted a lot of comments in a short time. Please wait {Describe(limited.RetryAfterDelay)} and press Post Comment again; your text is still here.")
            { RetryAfterSeconds = Math.Max(1, limited.RetryAfterSeconds) };

        var isDuplicate = DuplicateComment.IsDuplicate(new CommentFingerprint(post.Id, normalisedEmail, text, now),
            byEmail.Where(r => r.Text is not null).Select(r => new CommentFingerprint(post.Id, normalisedEmail, r.Text!, Utc(r.CreatedAt))), now);
        var approvedBefore = !isDuplicate && CommentModeration.NeedsApprovalHistory(policyInput.Policy, input)
            && await ApprovedBeforeQuery.For(db)(db, journal.Id, normalisedEmail, ct);

        var decision = CommentModeration.Decide(policyInput, input with { IsDuplicate = isDuplicate, HasApprovedCommentBefore = approvedBefore }, now);
        var (status, note, message) = decision switch
        {
            ModerationDecision.Approved => (CommentStatus.Approved, (string?)null, (string?)null),
            ModerationDecision.Pending p => (CommentStatus.Pending, p.Reason, p.Reason),
            ModerationDecision.Spam sp => (CommentStatus.Spam, sp.Reason, "Your comment is awaiting moderation."),
            ModerationDecision.Rejected r => (CommentStatus.Trash, r.Reason, r.Reason),
            _ => throw new InvalidOperationException("Unknown moderation decision."),
        };
        if (decision is ModerationDecision.Rejected) return new(CommentOutcomeKind.Rejected, message);

        var comment = new Comment
        {
            PostId = post.Id, ParentId = parent?.Id,
            Depth = parent is null ? 1 : Math.Min(parent.Depth + 1, CommentPolicies.From(journal.Comments).MaxDepth),
            AuthorName = name, AuthorEmail = normalisedEmail, AuthorWebsite = website, UserId = reader.UserId,
            Text = text, Status = status, ModerationNote = Truncate(note, 300), NotifyOnReply = s.NotifyOnReply,
            IpHash = ipHash, AuthorTokenHash = s.AuthorTokenHash,
            // To the microsecond, as PostgreSQL keeps it: the page of the new comment is counted from this value in memory,
            // so it must equal the stored one on either database (CommentThreads.PageOfAsync).
            CreatedAt = new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc),
        };
        await store.AddAsync(comment, journal.Id, ct);
        return new(status == CommentStatus.Approved ? CommentOutcomeKind.Approved : CommentOutcomeKind.Held, message) { Comment = comment };
    }

    /// <summary>A comment by the same address (or, when <c>ipKey</c> is not null, from the same network address) in the windows.</summary>
    private sealed record RecentComment(DateTime CreatedAt, bool ByEmail, bool ByAddress, string? Text);

    // One query serves the e-mail rate limit, duplicate detection (texts only from this post, the only ones a duplicate
    // can match) and, for anonymous commenters, the address limit (members are limited per account, issue 8 fix 6:
    // anonymous visitors behind a shared address cannot use up a member's allowance). Compiled: every POST runs it.
    private static readonly CompiledQuery<Func<JournalsDbContext, string, DateTime, string?, DateTime, int, IAsyncEnumerable<RecentComment>>> RecentQuery = new(() =>
        EF.CompileAsyncQuery((JournalsDbContext db, string email, DateTime since, string? ipKey, DateTime ipSince, int postId) =>
            db.Comments.AsNoTracking()
                .Where(c => (c.AuthorEmail == email && c.CreatedAt > since) || (ipKey != null && c.IpHash == ipKey && c.UserId == null && c.CreatedAt > ipSince))
                .Select(c => new RecentComment(c.CreatedAt,
                    c.AuthorEmail == email && c.CreatedAt > since,
                    ipKey != null && c.IpHash == ipKey && c.UserId == null && c.CreatedAt > ipSince,
                    c.PostId == postId && c.AuthorEmail == email ? c.Text : null))));

    /// <summary>Whether this address has an approved comment anywhere in the journal (the "approved before" moderation policy).</summary>
    private static readonly CompiledQuery<Func<JournalsDbContext, int, string, CancellationToken, Task<bool>>> ApprovedBeforeQuery = new(() =>
        EF.CompileAsyncQuery((JournalsDbContext db, int journalId, string email, CancellationToken ct) =>
            db.Comments.Any(c => c.Post.JournalId == journalId && c.AuthorEmail == email && c.Status == CommentStatus.Approved)));

    /// <summary>The e-mail limit, then (for anonymous commenters only: <paramref name="byAddress"/> is null for members) the address limit.</summary>
    private static Domain.Comments.RateLimitDecision RateLimit(IEnumerable<DateTimeOffset> byEmail, IEnumerable<DateTimeOffset>? byAddress,
        DateTimeOffset now, TimeSpan window, CommentOptions settings)
    {
        var emailDecision = new RateLimitWindow(settings.MaxPerEmail, window).Check(byEmail, now);
        if (!emailDecision.IsAllowed || byAddress is null) return emailDecision;
        return new RateLimitWindow(settings.MaxPerIp, window).Check(byAddress, now);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string Describe(TimeSpan wait) => wait.TotalSeconds < 90
        ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds"
        : $"{(int)Math.Ceiling(wait.TotalMinutes)} minutes";

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
