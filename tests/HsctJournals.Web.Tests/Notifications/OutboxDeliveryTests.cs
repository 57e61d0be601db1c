using HsctJournals.Web.Data;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HsctJournals.Web.Tests.Notifications.NotificationTestData;

namespace HsctJournals.Web.Tests.Notifications;

/// <summary>Queues already-composed mail, the simplest outbox message, for delivery tests.</summary>
internal static class QueuedMail
{
    /// <param name="dueAt">When the messages first fall due (now when null); set before they are saved, so the
    /// background sender never sees them due earlier.</param>
    public static Task<List<long>> EnqueueAsync(AppFactory app, string tag, int count, DateTime? dueAt = null) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<JournalsDbContext>();
        var outbox = sp.GetRequiredService<Outbox>();
        for (var i = 0; i < count; i++)
        {
            var mail = new MailBody().Paragraph($"Message {i}").To($"{tag}-{i}@tests.invalid", null, $"{tag} #{i}", null);
            outbox.Enqueue(Outbox.Mail, mail);
        }
        if (dueAt is { } due)
            foreach (var queued in db.ChangeTracker.Entries<OutboxMessage>()) queued.Entity.NextAttemptAt = due;
        await db.SaveChangesAsync();
        return await db.OutboxMessages.Where(m => m.Payload.Contains(tag)).Select(m => m.Id).ToListAsync();
    });

    public static Task<List<OutboxMessage>> RowsAsync(AppFactory app, IReadOnlyCollection<long> ids) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
}

/// <summary>The mail server is down (connection refused), then comes up: nothing is lost and nothing is sent twice.</summary>
public abstract class OutboxRetryTests(SmtpDownApp app)
{
    [Fact]
    public async Task Mail_waits_while_the_server_is_down_and_arrives_exactly_once_when_it_is_back()
    {
        var tag = "down-" + Guid.NewGuid().ToString("N")[..6];
        var ids = await QueuedMail.EnqueueAsync(app, tag, 5);

        await Eventually.TrueAsync(async () => (await QueuedMail.RowsAsync(app, ids)).All(m => m.Attempts >= 2), "two failed attempts each");
        var failed = await QueuedMail.RowsAsync(app, ids);
        Assert.All(failed, m =>
        {
            Assert.Null(m.SentAt);
            Assert.False(string.IsNullOrEmpty(m.LastError));
            Assert.True(m.NextAttemptAt > m.CreatedAt, "a later attempt is scheduled");
        });

        var mail = app.StartMailServer();
        await Eventually.TrueAsync(async () => (await QueuedMail.RowsAsync(app, ids)).All(m => m.SentAt is not null), "all sent");
        await Task.Delay(1500); // time for any duplicate to show up
        for (var i = 0; i < 5; i++)
        {
            var m = Assert.Single(mail.To($"{tag}-{i}@tests.invalid"));
            Assert.Equal($"{tag} #{i}", m.Subject);
        }
        Assert.Equal(5, mail.Messages.Count(m => (m.Subject ?? "").StartsWith(tag, StringComparison.Ordinal)));
        Assert.All(await QueuedMail.RowsAsync(app, ids), m => Assert.True(m.Attempts >= 3));
    }

    [Fact]
    public void Backoff_doubles_from_the_base_and_is_capped_at_six_hours()
    {
        var o = new NotificationOptions { RetryBaseSeconds = 30 };
        Assert.Equal(TimeSpan.FromSeconds(30), o.RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(60), o.RetryDelay(2));
        Assert.Equal(TimeSpan.FromSeconds(30 * 256), o.RetryDelay(9));
        Assert.Equal(TimeSpan.FromHours(6), o.RetryDelay(12));
    }
}

public sealed class OutboxRetryTestsOnSqlite(SmtpDownSqliteApp app) : OutboxRetryTests(app), IClassFixture<SmtpDownSqliteApp>;
public sealed class OutboxRetryTestsOnPostgres(SmtpDownPostgresApp app) : OutboxRetryTests(app), IClassFixture<SmtpDownPostgresApp>;

/// <summary>Several senders at once (as several app nodes would run) never deliver a message twice.</summary>
public abstract class OutboxConcurrencyTests(NotifyingApp app)
{
    [Fact]
    public async Task Concurrent_senders_never_send_the_same_message_twice()
    {
        var tag = "race-" + Guid.NewGuid().ToString("N")[..6];
        const int count = 120;
        var ids = await QueuedMail.EnqueueAsync(app, tag, count);

        // Four more senders besides the app's own background worker, each with its own scope and connection.
        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxProcessor>().RunBatchAsync(CancellationToken.None)) > 0) { }
        }));
        await Task.WhenAll(senders);
        await Eventually.TrueAsync(async () => (await QueuedMail.RowsAsync(app, ids)).All(m => m.SentAt is not null), "all sent");
        await Task.Delay(1000);

        var arrived = app.Mail.Messages.Where(m => (m.Subject ?? "").StartsWith(tag, StringComparison.Ordinal)).Select(m => m.Subject).ToList();
        Assert.Equal(count, arrived.Count);
        Assert.Equal(count, arrived.Distinct().Count());
        Assert.All(await QueuedMail.RowsAsync(app, ids), m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task Two_claims_at_once_take_disjoint_messages()
    {
        // The app's own background sender claims every due message within a poll, so the messages
        // here are made due only tomorrow and the two claims run on a clock a day ahead: the
        // background sender (on the real clock) cannot take them first, and the claims race only
        // each other.
        // Due tomorrow from the moment they are saved: a slow machine cannot let the sender in between.
        var tag = "claim-" + Guid.NewGuid().ToString("N")[..6];
        var ids = await QueuedMail.EnqueueAsync(app, tag, 15, dueAt: DateTime.UtcNow.AddDays(1));
        var tomorrow = new ClockAhead(TimeSpan.FromDays(1.01));

        var claims = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<OutboxClaims>(sp, (TimeProvider)tomorrow).ClaimAsync(CancellationToken.None)))));

        var first = claims[0].Select(m => m.Id).ToHashSet();
        var second = claims[1].Select(m => m.Id).ToHashSet();
        Assert.Empty(first.Intersect(second));
        Assert.Subset(first.Union(second).ToHashSet(), ids.ToHashSet());
        // Whatever we claimed stays with us: the lease holds it until it passes.
        await Task.Delay(1000);
        Assert.All(await QueuedMail.RowsAsync(app, ids), m => Assert.Null(m.SentAt));
    }

    /// <summary>The real clock moved forward by a fixed amount.</summary>
    private sealed class ClockAhead(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + ahead;
    }
}

public sealed class OutboxConcurrencyTestsOnSqlite(NotifyingSqliteApp app) : OutboxConcurrencyTests(app), IClassFixture<NotifyingSqliteApp>;
public sealed class OutboxConcurrencyTestsOnPostgres(NotifyingPostgresApp app) : OutboxConcurrencyTests(app), IClassFixture<NotifyingPostgresApp>;
