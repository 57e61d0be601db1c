using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Feeds;

/// <summary>
/// A journal's feeds: the plain links for Public and Unlisted journals, and for signed-in readers of the other
/// journals their secret feed URLs (make one, see it once, revoke it).
/// </summary>
/// <remarks>
/// Razor Pages cannot put [Authorize] on single handlers, so the secret-feed handlers challenge anonymous
/// visitors themselves; the plain links stay readable by anyone who may read the journal.
/// </remarks>
public sealed class JournalFeedsModel(JournalContext context, JournalAccess access, SecretFeeds secrets) : JournalPageModel(context)
{
    public sealed record CategoryLink(string Name, string Slug);

    /// <summary>True when the plain feed URLs work (anyone may read the journal).</summary>
    public bool HasPlainFeeds => Journal.Visibility is JournalVisibility.Public or JournalVisibility.Unlisted;
    public List<CategoryLink> Categories { get; private set; } = [];
    public List<SecretFeeds.Listed> SecretFeedList { get; private set; } = [];
    /// <summary>The secret just made, as RSS and Atom URLs: shown on this response only.</summary>
    public (string Rss, string Atom)? NewFeed { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string journal, bool revoked, CancellationToken ct)
    {
        if (!await LoadAsync(journal, ct)) return NotFound();
        if (revoked) Message = "The secret feed URL was revoked. Feed readers using it now get “not found”.";
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string journal, CancellationToken ct)
    {
        if (!CurrentReader.IsSignedIn) return Challenge();
        if (!await LoadAsync(journal, ct)) return NotFound();
        if (HasPlainFeeds) return RedirectToPage(new { journal });

        var secret = await secrets.CreateAsync(CurrentReader.UserId!, Journal.Id, ct);
        if (secret is null)
        {
            Error = $"You already have {SecretFeeds.MaxActivePerJournal} secret feed URLs for this journal. Revoke one you no longer use first.";
            return Page();
        }
        var origin = HttpContext.Site().Origin;
        NewFeed = ($"{origin}/feeds/{secret}.rss", $"{origin}/feeds/{secret}.atom");
        SecretFeedList = await secrets.ActiveAsync(CurrentReader.UserId!, Journal.Id, ct);
        // The secret is on this page only; no cache may keep a copy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string journal, int id, CancellationToken ct)
    {
        if (!CurrentReader.IsSignedIn) return Challenge();
        if (!await LoadAsync(journal, ct)) return NotFound();
        // Revoking a token that is already gone has the same outcome the reader asked for.
        await secrets.RevokeAsync(CurrentReader.UserId!, Journal.Id, id, ct);
        return RedirectToPage(new { journal, revoked = true });
    }

    private async Task<bool> LoadAsync(string journal, CancellationToken ct)
    {
        Meta.NoIndex = true;
        Meta.CanonicalPath = $"/j/{Journal.Slug}/feeds";
        if (HasPlainFeeds)
        {
            Categories = await access.LivePosts(Reader.Anonymous).Where(p => p.JournalId == Journal.Id && p.Category != null)
                .GroupBy(p => new { p.Category!.Name, p.Category.Slug }).OrderBy(g => g.Key.Name)
                .Select(g => new CategoryLink(g.Key.Name, g.Key.Slug)).ToListAsync(ct);
        }
        else if (CurrentReader.IsSignedIn)
        {
            SecretFeedList = await secrets.ActiveAsync(CurrentReader.UserId!, Journal.Id, ct);
        }
        return true;
    }
}
