using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HsctJournals.Web.Api;

/// <summary>
/// Finds a journal the caller wants to change. Someone who may not read it, or reads it without
/// being a member, gets the same 404 as for a missing journal; a member without the needed role
/// gets 403, since they already know the journal exists.
/// </summary>
public static class WriterGuard
{
    public static async Task<(Journal? Journal, ProblemHttpResult? Problem)> FindAsync(
        JournalAccess access, string slug, Reader reader, JournalRole atLeast, string forbidden, CancellationToken ct)
    {
        var readable = await access.FindReadableAsync(slug, reader, ct);
        if (readable is null) return (null, ApiProblems.JournalNotFound());
        var role = await access.RoleInAsync(readable.Id, reader, ct);
        if (role is null) return (null, ApiProblems.JournalNotFound());
        if (role < atLeast) return (null, ApiProblems.Forbidden(forbidden));
        var tracked = atLeast == JournalRole.Owner
            ? await access.FindOwnedAsync(slug, reader, ct)
            : await access.FindWritableAsync(slug, reader, ct);
        return tracked is null ? (null, ApiProblems.JournalNotFound()) : (tracked, null);
    }
}
