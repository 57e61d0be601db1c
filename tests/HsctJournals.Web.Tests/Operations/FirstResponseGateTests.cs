using HsctJournals.Web.Shared;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Operations;

/// <summary>Background loops start after the process has answered its first request (decision 0049).</summary>
public sealed class FirstResponseGateTests
{
    [Fact]
    public async Task The_first_answer_opens_the_gate_the_background_loops_wait_at()
    {
        IAsyncLifetime app = new SqliteApp();
        await app.InitializeAsync();
        try
        {
            var factory = (SqliteApp)app;
            var gate = factory.Services.GetRequiredService<FirstResponseGate>();
            Assert.False(gate.IsOpen); // started and migrated, nothing answered yet

            (await factory.AnonymousClient().GetAsync("/healthz")).EnsureSuccessStatusCode();
            // The gate opens once the response has gone out; the wait ends then (or at the fallback, which leaves it shut).
            await gate.WaitAsync(CancellationToken.None);
            for (var i = 0; i < 100 && !gate.IsOpen; i++) await Task.Delay(50);
            Assert.True(gate.IsOpen);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
