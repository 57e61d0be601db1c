using System.Security.Claims;
using HsctJournals.Web.Caching;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Admin;

/// <summary>The settings form's fields.</summary>
public sealed class SiteSettingsInput
{
    /// <summary>Null when nothing (or nonsense) was sent: the editor then asks, rather than falling back to "open".</summary>
    public RegistrationMode? Registration { get; set; }
    public NewJournalListing? NewJournals { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }

    public static SiteSettingsInput From(SiteSettings s) =>
        new() { Registration = s.Registration, NewJournals = s.NewJournals, Name = s.Name, Description = s.Description };
}

/// <summary>Changes the site settings: validates, saves the one row with an audit entry, evicts every cached page (they show the name).</summary>
public sealed class SiteSettingsEditor(JournalsDbContext db, AdminAudit audit, PageCacheEviction cache, SiteSettingsMemo memo, TimeProvider clock)
{
    public async Task<EditResult<SiteSettings>> SaveAsync(ClaimsPrincipal admin, SiteSettingsInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        var description = input.Description?.Trim() ?? "";
        var registration = input.Registration ?? (RegistrationMode)(-1);
        var newJournals = input.NewJournals ?? (NewJournalListing)(-1);
        if (!Enum.IsDefined(registration)) errors.Add(nameof(input.Registration), "Choose who may register.");
        if (!Enum.IsDefined(newJournals)) errors.Add(nameof(input.NewJournals), "Choose when new public journals appear on the front page.");
        if (name.Length == 0) errors.Add(nameof(input.Name), "Enter the site's name.");
        else if (name.Length > SiteSettings.NameMaxLength) errors.Add(nameof(input.Name), $"Keep the name to {SiteSettings.NameMaxLength} characters (it has {name.Length}).");
        if (description.Length > SiteSettings.DescriptionMaxLength)
            errors.Add(nameof(input.Description), $"Keep the description to {SiteSettings.DescriptionMaxLength} characters (it has {description.Length}).");
        if (errors.Any) return errors.Fail<SiteSettings>();

        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.RowId, ct) ?? db.SiteSettings.Add(new SiteSettings()).Entity;
        var changes = new List<string>();
        if (row.Registration != registration) changes.Add($"registration {row.Registration} → {registration}");
        if (row.NewJournals != newJournals) changes.Add($"new journals listed {row.NewJournals} → {newJournals}");
        if (row.Name != name) changes.Add($"name “{row.Name}” → “{name}”");
        if (row.Description != description) changes.Add("description");
        (row.Registration, row.NewJournals, row.Name, row.Description) = (registration, newJournals, name, description);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(admin, "Settings changed", changes.Count == 0 ? "nothing changed" : string.Join("; ", changes), ct);
        await db.SaveChangesAsync(ct);
        memo.Forget();
        // The name is in every page's title and header: every cached page goes, on every node.
        await cache.SiteChangedAsync(ct);
        return EditResult<SiteSettings>.Ok(row);
    }
}
