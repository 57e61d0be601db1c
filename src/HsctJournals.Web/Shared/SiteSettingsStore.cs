using System.Data.Common;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Shared;

/// <summary>
/// The site settings for one request, read at most once: from the process's memo on a single node, else straight
/// from the database, so a change made on one node is seen by the next request on every node (docs/decisions/0031, 0041).
/// </summary>
public sealed class SiteSettingsStore(JournalsDbContext db, SiteSettingsMemo memo, ILogger<SiteSettingsStore> log)
{
    private SiteSettings? current;

    /// <summary>The settings in force; throws if the database cannot be read (callers that enforce a rule must not guess).</summary>
    public async Task<SiteSettings> GetAsync(CancellationToken ct = default) => current ??= memo.Current ?? await ReadAsync(ct);

    private async Task<SiteSettings> ReadAsync(CancellationToken ct)
    {
        var generation = memo.Generation;
        var read = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.RowId, ct) ?? new SiteSettings();
        memo.Keep(generation, read);
        return read;
    }

    /// <summary>
    /// The settings for showing the site's name: the defaults when the database is unreachable, so an error
    /// page can still be drawn while the database is down.
    /// </summary>
    public async Task<SiteSettings> ForDisplayAsync(CancellationToken ct = default)
    {
        try
        {
            return await GetAsync(ct);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            log.LogWarning(e, "Could not read the site settings; showing the defaults.");
            return current = new SiteSettings();
        }
    }
}
