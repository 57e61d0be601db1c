using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HsctJournals.Web.Treatment;

/// <summary>
/// Base for the owner's treatment pages: <see cref="JournalPageFilter"/> answers 404 to everyone but the journal's
/// owner before a handler runs; <see cref="LoadAsync"/> then finds the course through the same request context.
/// </summary>
[Authorize, JournalPage(JournalCapability.Own)]
public abstract class TreatmentOwnerPage(TreatmentAccess access) : PageModel
{
    protected TreatmentAccess Access { get; } = access;
    public Journal Journal { get; private set; } = null!;
    public TreatmentCourse Course { get; private set; } = null!;
    public bool HasCourse => Course.Id != 0;

    /// <summary>False means "answer 404". A course row is created (unsaved) when there is none yet.</summary>
    protected async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var owned = await Access.FindOwnedAsync(slug, Reader.From(User), create: true, ct);
        if (owned is not { } o) return false;
        Journal = o.Journal;
        Course = o.Course!;
        return true;
    }

    protected void AddErrors(string prefix, IReadOnlyDictionary<string, string[]> errors) => ModelState.AddErrors(errors, prefix);

    protected static string Plural(int n, string one, string many) => n == 1 ? one : many;

    public PageMeta Meta { get; } = new() { NoIndex = true };
}
