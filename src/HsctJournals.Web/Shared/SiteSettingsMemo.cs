using HsctJournals.Web.Caching;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Shared;

/// <summary>
/// The site settings row kept in memory on an installation of one node, so a rendered page does not read it from
/// the database each time (docs/decisions/0041). The one writer, <see cref="Admin.SiteSettingsEditor"/>, calls
/// <see cref="Forget"/> after its commit. With several nodes (Redis configured) nothing is kept: a save on one node
/// could not reach the others' memory, so each request reads the row as decision 0031 says.
/// </summary>
public sealed class SiteSettingsMemo(IOptions<PageCacheOptions> cache)
{
    private readonly bool _enabled = !cache.Value.UsesRedis;
    private SiteSettings? _current;
    private long _generation;
    private readonly Lock _gate = new();

    /// <summary>Taken before reading the row; a read is kept only if no save happened meanwhile (see <see cref="Keep"/>).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>A private copy of the kept settings, or null when there is none (or nothing may be kept).</summary>
    public SiteSettings? Current => _enabled ? Volatile.Read(ref _current)?.Copy() : null;

    /// <summary>
    /// Keeps settings read from the database when they were read after the last save: a read that began before a
    /// save committed may hold the old values, and keeping those would show them until the next save.
    /// </summary>
    public void Keep(long generationBeforeRead, SiteSettings read)
    {
        if (!_enabled) return;
        var copy = read.Copy();
        lock (_gate)
        {
            if (_generation == generationBeforeRead) Volatile.Write(ref _current, copy);
        }
    }

    /// <summary>The row changed (after the commit): the next request reads it again.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _generation++;
            Volatile.Write(ref _current, null);
        }
    }
}
