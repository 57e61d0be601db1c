using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Data;

/// <summary>
/// On SQLite, a page or endpoint runs all its statements on one open connection instead of opening and closing it
/// around each statement (decision 0060).
/// </summary>
/// <remarks>
/// EF Core opens the connection before each query and closes it after. On SQLite every open registers EF's SQL
/// functions on the native connection (<c>regexp</c>, <c>ef_add</c> and the rest, about a dozen
/// <c>sqlite3_create_function</c> calls with their handles) and every close takes them off again before the pool keeps
/// the connection: a comment POST opened seven times. Opened here once, EF counts the extra opens and closes and
/// leaves the connection open. Since decision 0065 it stays open after the request too, with the context in the pool
/// (<see cref="KeptOpenSqliteConnection"/>), so this open happens once per pooled context.
/// PostgreSQL keeps opening per statement: there a connection held for a whole request is a server process taken
/// from a shared limit (max_connections over every node), and Npgsql's pooled open is cheap.
/// </remarks>
public sealed class RequestConnection(JournalsDbContext db, IOptions<DatabaseOptions> options)
{
    private bool _open;

    /// <summary>Opens the connection for the rest of the request (SQLite only; once).</summary>
    public async ValueTask KeepOpenAsync(CancellationToken ct)
    {
        if (_open || options.Value.IsPostgres) return;
        _open = true;
        await db.Database.OpenConnectionAsync(ct);
    }

    /// <summary>Keeps the connection open from the first page filter on, so the handler's and the page's statements share it.</summary>
    /// <remarks>Registered to run before every other page filter: the journal filter's lookup is the first statement of most pages.</remarks>
    public sealed class PageFilter(RequestConnection connection) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            await connection.KeepOpenAsync(context.HttpContext.RequestAborted);
            await next();
        }
    }
}
