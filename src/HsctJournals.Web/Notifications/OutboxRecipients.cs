using System.Text.Json;
using HsctJournals.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HsctJournals.Web.Notifications;

/// <summary>
/// The mail rows of the outbox addressed to one person. A composed mail (<see cref="Outbox.Mail"/>) carries its
/// recipient inside the JSON payload, so when an account is erased its queued mail must go too (or it would still be
/// sent to someone who asked to be forgotten), and so must sent rows, which keep the address and the text.
/// Other message types name a comment, post or follower, which the erasure removes or anonymises; their mail is
/// composed at send time and so no longer reaches the person.
/// </summary>
public static class OutboxRecipients
{
    /// <summary>Deletes every mail row (queued or sent) to <paramref name="email"/>, compared without case; returns how many.</summary>
    public static async Task<int> ForgetAsync(JournalsDbContext db, string email, CancellationToken ct)
    {
        var wanted = email.Trim();
        if (wanted.Length == 0) return 0;
        // A narrowing in SQL on the address as the payload writes it (JSON-escaped), then the exact check on the
        // parsed recipient: the text could also appear in a body that is addressed to someone else.
        var written = JsonSerializer.Serialize(wanted).ToLowerInvariant();
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Type == Outbox.Mail && m.Payload.ToLower().Contains(written))
            .Select(m => new { m.Id, m.Payload }).ToListAsync(ct);
        var ids = candidates
            .Where(m => string.Equals(JsonSerializer.Deserialize<OutgoingMail>(m.Payload)?.To?.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Id).ToList();
        return ids.Count == 0 ? 0 : await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
    }
}
