using HsctJournals.Web.Data;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Comments;

/// <summary>
/// The app for comment tests: the real app plus a save interceptor that, only while a test arms it,
/// fails the save that writes an outbox row, to prove a comment never lands without its notification.
/// </summary>
public abstract class CommentsApp(ITestDatabase database) : AppFactory(database)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteJournalsDbContext>(o => o.AddInterceptors(OutboxFault.Instance));
            services.ConfigureDbContext<PostgresJournalsDbContext>(o => o.AddInterceptors(OutboxFault.Instance));
        });
    }
}

public sealed class CommentsSqliteApp() : CommentsApp(new SqliteTestDatabase());
public sealed class CommentsPostgresApp() : CommentsApp(new PostgresTestDatabase());

/// <summary>
/// Throws on a save that adds an outbox row, when armed in the current async flow, or (for new comments, which the
/// group-commit writer saves outside the request's flow) when the save also carries a comment with an armed text.
/// </summary>
public sealed class OutboxFault : SaveChangesInterceptor
{
    public static readonly OutboxFault Instance = new();
    private static readonly AsyncLocal<bool> Armed = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> ArmedTexts = new();

    /// <summary>Arms the fault for the calling async flow until disposed.</summary>
    public static IDisposable Arm()
    {
        Armed.Value = true;
        return new Disarm(() => Armed.Value = false);
    }

    /// <summary>Arms the fault for any save of a new comment with exactly this text (unique to the test) until disposed.</summary>
    public static IDisposable ArmFor(string commentText)
    {
        ArmedTexts[commentText] = true;
        return new Disarm(() => ArmedTexts.TryRemove(commentText, out _));
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var tracker = eventData.Context!.ChangeTracker;
        if (tracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added)
            && (Armed.Value || (!ArmedTexts.IsEmpty && tracker.Entries<Web.Comments.Comment>().Any(e => ArmedTexts.ContainsKey(e.Entity.Text)))))
            throw new InvalidOperationException("Simulated failure while writing the outbox.");
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private sealed class Disarm(Action disarm) : IDisposable
    {
        public void Dispose() => disarm();
    }
}
