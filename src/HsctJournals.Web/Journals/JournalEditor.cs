using HsctJournals.Domain.Text;
using HsctJournals.Web.Data;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Journals;

/// <summary>Creates journals and changes their settings; used by the pages and the API.</summary>
public sealed class JournalEditor(JournalsDbContext db, TimeProvider clock, Caching.PageCacheEviction cache, SiteSettingsStore site)
{
    public async Task<EditResult<Journal>> CreateAsync(string ownerId, JournalInput input, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCreateAsync(ownerId, input, ct);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt < 4)
            {
                // A journal with the same slug was created at the same moment; the next try picks another.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<EditResult<Journal>> TryCreateAsync(string ownerId, JournalInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var slug = await ValidateAsync(input, null, errors, ct);
        if (errors.Any) return errors.Fail<Journal>();

        var now = clock.GetUtcNow().UtcDateTime;
        var journal = new Journal
        {
            Slug = slug!,
            Title = input.Title.Trim(),
            Tagline = string.IsNullOrWhiteSpace(input.Tagline) ? null : input.Tagline.Trim(),
            Visibility = input.Visibility,
            ShowDayNumbers = input.ShowDayNumbers,
            CreatedAt = now,
            AwaitingListing = (await site.GetAsync(ct)).NewJournals == NewJournalListing.AfterApproval,
        };
        journal.Members.Add(new JournalMember { UserId = ownerId, Role = JournalRole.Owner, CreatedAt = now });
        db.Journals.Add(journal);
        await db.SaveChangesAsync(ct);
        await cache.JournalChangedAsync(journal.Id, ct);
        return EditResult<Journal>.Ok(journal);
    }

    /// <summary>The errors <see cref="CreateAsync"/> would give for <paramref name="input"/> now, without creating anything (a restore checks before it queues).</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CheckNewAsync(JournalInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        await ValidateAsync(input, null, errors, ct);
        return errors.Fail<Journal>().Errors;
    }

    /// <summary>Changes settings. The slug may change (old links then 404), so the form warns.</summary>
    public async Task<EditResult<Journal>> UpdateAsync(Journal journal, JournalInput input, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var slug = await ValidateAsync(input, journal, errors, ct);
        if (errors.Any) return errors.Fail<Journal>();

        journal.Slug = slug!;
        journal.Title = input.Title.Trim();
        journal.Tagline = string.IsNullOrWhiteSpace(input.Tagline) ? null : input.Tagline.Trim();
        journal.Visibility = input.Visibility;
        journal.ShowDayNumbers = input.ShowDayNumbers;
        await db.SaveChangesAsync(ct);
        await cache.JournalChangedAsync(journal.Id, ct);
        return EditResult<Journal>.Ok(journal);
    }

    private async Task<string?> ValidateAsync(JournalInput input, Journal? existing, FieldErrors errors, CancellationToken ct)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add(nameof(input.Title), "Give your journal a title.");
        else if (title.Length > Journal.TitleMaxLength) errors.Add(nameof(input.Title), $"The title can be at most {Journal.TitleMaxLength} characters (it has {title.Length}).");
        if ((input.Tagline?.Trim().Length ?? 0) > Journal.TaglineMaxLength)
            errors.Add(nameof(input.Tagline), $"The tagline can be at most {Journal.TaglineMaxLength} characters.");
        if (!Enum.IsDefined(input.Visibility))
            errors.Add(nameof(input.Visibility), "Choose who can read the journal.");

        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slug.From(title) : input.Slug.Trim();
        if (!Slug.IsValid(slug))
        {
            errors.Add(nameof(input.Slug), "The address may use lower-case letters, digits and single hyphens, up to 80 characters.");
            return null;
        }
        if (Slug.IsReserved(slug))
        {
            errors.Add(nameof(input.Slug), $"“{slug}” is reserved by the site; choose another address.");
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.Journals.AnyAsync(j => j.Slug == slug && (existing == null || j.Id != existing.Id), ct);
        if (taken) errors.Add(nameof(input.Slug), $"The address “{slug}” is already taken; choose another.");
        // A deleted journal's address rests for a while so its readers are not sent to a stranger.
        else if (await db.RetiredSlugs.AnyAsync(r => r.Slug == slug && r.FreeAfter > now, ct))
            errors.Add(nameof(input.Slug), $"The address “{slug}” belonged to a journal deleted recently and is resting; choose another.");
        return slug;
    }
}
