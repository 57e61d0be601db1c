using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Treatment;

/// <summary>Creates and revokes clinician links; only a hash of each secret is stored. Shared by the pages and the API; errors are keyed by input property name.</summary>
public sealed class ClinicianLinkEditor(JournalsDbContext db, CourseStore store, TimeProvider clock)
{
    /// <summary>A new clinician link; the secret is returned once and only its hash is stored.</summary>
    public async Task<string> CreateClinicianLinkAsync(TreatmentCourse course, string? label, CancellationToken ct)
    {
        await store.EnsureSavedAsync(course, ct);
        var secret = SecretTokens.New("cl_");
        var clean = string.IsNullOrWhiteSpace(label) ? "Clinician link" : label.Trim()[..Math.Min(label.Trim().Length, 120)];
        db.ClinicianLinks.Add(new ClinicianLink { CourseId = course.Id, Label = clean, TokenHash = SecretTokens.Hash(secret), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await store.SaveAsync(course, ct);
        return secret;
    }

    public async Task RevokeClinicianLinkAsync(TreatmentCourse course, int linkId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ClinicianLinks.Where(l => l.CourseId == course.Id && l.Id == linkId && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), ct);
    }
}
