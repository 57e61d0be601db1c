using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>
/// The journal a request is about, who is asking and their role in it: resolved once per request
/// (by <see cref="JournalPageFilter"/> for pages, by the API's journal filter for endpoints) in one query
/// through the access rule, then read by the page, the endpoint and the use cases they call.
/// A journal the reader may not read is never resolved, exactly like a missing one.
/// </summary>
/// <remarks>docs/decisions/0016-one-journal-context-one-guard.md</remarks>
public sealed class JournalContext(JournalAccess access)
{
    private Journal? _journal;

    /// <summary>The resolved journal: tracked, so owner pages and endpoints can change it, except in a request that only reads (<see cref="ResolveForAsync"/>).</summary>
    public Journal Journal => _journal ?? throw new InvalidOperationException("No journal has been resolved for this request.");

    public Reader Reader { get; private set; } = Reader.Anonymous;

    /// <summary>The reader's role in the journal; null for readers who are not members.</summary>
    public JournalRole? Role { get; private set; }

    public bool IsResolved => _journal is not null;

    /// <summary>The one decision for each capability (<see cref="JournalRoles"/>), for the resolved journal.</summary>
    public bool Can(JournalCapability capability) => IsResolved && JournalRoles.Allows(Role, capability);

    public bool CanWrite => Can(JournalCapability.Write);
    public bool CanModerate => Can(JournalCapability.Moderate);
    public bool IsOwner => Can(JournalCapability.Own);

    /// <summary>
    /// Finds the journal by slug for <paramref name="reader"/> through the access rule, with the role, in one
    /// query; false means "answer 404". A second call for the same journal and reader costs nothing.
    /// </summary>
    public Task<bool> ResolveAsync(string slug, Reader reader, CancellationToken ct = default) => ResolveAsync(slug, reader, tracked: true, ct);

    /// <summary>
    /// The same for the request's page or endpoint filter: the reader is the request's, and a request that only reads
    /// (GET, HEAD) gets the journal untracked, so nothing in it may change the journal (nothing does: changes are POSTs
    /// and the API's other verbs, and the settings tests save through them).
    /// </summary>
    public Task<bool> ResolveForAsync(HttpContext http, string slug) =>
        ResolveAsync(slug, Reader.From(http.User), tracked: !ReadOnlyRequests.Is(http.Request), http.RequestAborted);

    private async Task<bool> ResolveAsync(string slug, Reader reader, bool tracked, CancellationToken ct)
    {
        if (_journal is not null && _journal.Slug == slug && Reader == reader) return true;
        if (await access.FindWithRoleAsync(slug, reader, tracked, ct) is not { } found) return false;
        (_journal, Role, Reader) = (found.Journal, found.Role, reader);
        return true;
    }

    /// <summary>A context for a journal and role the caller already holds (background work, tests, a just-created journal).</summary>
    public static JournalContext For(JournalAccess access, Journal journal, Reader reader, JournalRole? role) =>
        new(access) { _journal = journal, Reader = reader, Role = role };
}
