namespace HsctJournals.Web.Shared;

/// <summary>
/// Holds the background loops (outbox delivery, import recovery, IP-hash cleanup) until the process has answered its
/// first request, or <see cref="Fallback"/> after that wait began, whichever comes first. On start-up they otherwise
/// compete with the first page for the CPU: each builds its EF queries, and import recovery builds the Markdown
/// sanitiser, about a sixth of the CPU before the first page (decision 0049). Nothing they do is urgent to the
/// second: the outbox is durable and the cleanup hourly. The fallback keeps an idle node's mail going out.
/// </summary>
public sealed class FirstResponseGate
{
    /// <summary>How long background work waits when no request comes (an idle node behind a load balancer).</summary>
    public static readonly TimeSpan Fallback = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen => _answered.Task.IsCompleted;

    /// <summary>Called once a response has been sent.</summary>
    public void Open() => _answered.TrySetResult();

    /// <summary>Completes when the first response has gone out, after <see cref="Fallback"/>, or throws when stopping.</summary>
    public async Task WaitAsync(CancellationToken stopping)
    {
        if (IsOpen) return;
        // Wall-clock on purpose (no TimeProvider): tests that stop the app's clock must not stop its background work.
        await Task.WhenAny(_answered.Task, Task.Delay(Fallback, stopping)).ConfigureAwait(false);
        stopping.ThrowIfCancellationRequested();
    }
}

public static class FirstResponseGateExtensions
{
    /// <summary>First in the pipeline, so any answer (a page, a redirect, /healthz, an error) opens the gate.</summary>
    public static IApplicationBuilder UseFirstResponseGate(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<FirstResponseGate>();
        return app.Use(next => context =>
        {
            if (gate.IsOpen) return next(context);
            context.Response.OnCompleted(() =>
            {
                gate.Open();
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
