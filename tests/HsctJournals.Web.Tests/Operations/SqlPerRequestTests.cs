using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HsctJournals.Web.Tests.Operations;

/// <summary>
/// How many SQL commands the hottest requests send, counted by an EF command interceptor for the requests a
/// test marks. The bounds are the figures after the journal context (docs/decisions): a rise means a page
/// went back to resolving the journal or the role more than once.
/// </summary>
public abstract class SqlPerRequestTests(SqlCountingApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_journal_home_reads_the_journal_and_the_role_once()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        await app.CreatePostAsync(journal, owner, "Second", publishAtUtc: DateTime.UtcNow.AddHours(-2));

        var anonymous = await app.CountAsync(app.Visitor(), HttpMethod.Get, $"/j/{journal.Slug}");
        var signedIn = await app.CountAsync(await app.SignedInVisitorAsync(owner), HttpMethod.Get, $"/j/{journal.Slug}");

        output.WriteLine($"{app.Provider} journal home: anonymous {anonymous}, owner {signedIn}");
        Assert.InRange(anonymous, 1, SqlCountingApp.JournalHomeAnonymous);
        Assert.InRange(signedIn, 1, SqlCountingApp.JournalHomeOwner);
    }

    [Fact]
    public async Task A_post_with_comments_reads_the_journal_and_the_role_once()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        for (var i = 0; i < 3; i++) await app.AddCommentAsync(journal, post, $"Reader {i}", CommentKit.NewEmail(), $"Comment {i}");

        var anonymous = await app.CountAsync(app.Visitor(), HttpMethod.Get, CommentKit.PathOf(journal, post));
        var ownerStatements = await app.StatementsOfAsync(await app.SignedInVisitorAsync(owner), CommentKit.PathOf(journal, post));
        var signedIn = ownerStatements.Count;

        output.WriteLine($"{app.Provider} post with 3 comments: anonymous {anonymous}, owner {signedIn}");
        foreach (var statement in ownerStatements) output.WriteLine("  " + string.Join(' ', statement.Sql.Split((char[])['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries)));
        Assert.InRange(anonymous, 1, SqlCountingApp.PostAnonymous);
        Assert.InRange(signedIn, 1, SqlCountingApp.PostOwner);
    }

    [Fact]
    public async Task A_comment_post_reads_the_journal_and_the_role_once()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var client = app.Visitor();
        var path = CommentKit.PathOf(journal, post);
        var form = await Forms.GetAsync(client, path);
        var fields = CommentKit.Fields("Thinking of you.", "Bea", CommentKit.NewEmail());
        fields["Input.Rendered"] = app.Services.GetRequiredService<Web.Comments.FormTimestamp>().Protect(DateTimeOffset.UtcNow.AddMinutes(-1));
        if (form.Token is not null) fields["__RequestVerificationToken"] = form.Token;

        var (count, response) = await app.CountResponseAsync(client, new HttpRequestMessage(HttpMethod.Post, path + "?handler=Comment") { Content = new FormUrlEncodedContent(fields) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        output.WriteLine($"{app.Provider} comment POST (anonymous, approved): {count}");
        Assert.InRange(count, 1, SqlCountingApp.CommentPost);
    }

    /// <summary>
    /// Decision 0060: on SQLite a page request opens its connection at most once, however many statements it sends (each
    /// open registers EF's SQL functions on the native connection), and not at all when its pooled context's connection
    /// is already open (decision 0065); on PostgreSQL each statement takes a pooled connection.
    /// </summary>
    [Fact]
    public async Task A_comment_post_opens_the_sqlite_connection_at_most_once()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var client = app.Visitor();
        var path = CommentKit.PathOf(journal, post);
        var form = await Forms.GetAsync(client, path);
        HttpRequestMessage Posting(string text)
        {
            var fields = CommentKit.Fields(text, "Bea", CommentKit.NewEmail());
            fields["Input.Rendered"] = app.Services.GetRequiredService<Web.Comments.FormTimestamp>().Protect(DateTimeOffset.UtcNow.AddMinutes(-1));
            if (form.Token is not null) fields["__RequestVerificationToken"] = form.Token;
            return new HttpRequestMessage(HttpMethod.Post, path + "?handler=Comment") { Content = new FormUrlEncodedContent(fields) };
        }
        // The app's first comment derives the address-hashing key from the key ring, which Data Protection reads in a
        // scope of its own, once: the second comment is the one measured.
        await client.SendAsync(Posting("First."));

        var (commands, opens, response) = await app.CountWithOpensAsync(client, Posting("Thinking of you."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        output.WriteLine($"{app.Provider} comment POST: {commands} statements, {opens} connection opens");
        Assert.True(commands >= 3, $"{commands} statements");
        if (app.Provider == "Sqlite") Assert.InRange(opens, 0, 1);
        else Assert.True(opens > 1, $"{opens} opens on PostgreSQL");
    }
}

public sealed class SqlPerRequestTestsOnSqlite(SqlCountingSqliteApp app, ITestOutputHelper output) : SqlPerRequestTests(app, output), IClassFixture<SqlCountingSqliteApp>;
public sealed class SqlPerRequestTestsOnPostgres(SqlCountingPostgresApp app, ITestOutputHelper output) : SqlPerRequestTests(app, output), IClassFixture<SqlCountingPostgresApp>;

/// <summary>
/// The app with a command interceptor that counts the SQL sent while serving requests marked with a probe header, and
/// keeps those statements with their parameters (<see cref="StatementsOfAsync"/>, for <see cref="SqlitePlanTests"/>).
/// </summary>
public abstract class SqlCountingApp(ITestDatabase database) : AppFactory(database)
{
    /// <summary>A statement a request sent, with its parameters' names and values.</summary>
    public sealed record Statement(string Path, string Sql, List<(string Name, object? Value)> Parameters);

    // Upper bounds: the figures measured after the per-request journal context (the larger of the two providers).
    // Before it they were 6/8, 9/12 and 18 (comment POST 16 since the page cache evicts on write); see docs/decisions/0016.
    // The day labels read the current course's Day 0 as a subquery of their journal lookup (one query, not two).
    // A signed-in request also checks its server-side session and security stamp (one query, docs/decisions/0017):
    // the owner bounds count it.
    // Raise one only for a query the page needs.
    // +1 on each page (issue 8, build 3): the layout reads the admin's site settings (name, registration), one
    // primary-key row per request, so every node shows a change at once (docs/decisions/0031).
    public const int JournalHomeAnonymous = 7, JournalHomeOwner = 9;
    // The post page went from 10 to 9 when the current course was read once per request (TreatmentAccess), and to 8
    // when the previous and next posts became one query. (On one node the site settings then come from memory,
    // decision 0041, but the bounds still allow their read.)
    // The comment POST went from 16 to 9 when the form stopped loading the whole page before posting (decision 0022).
    // Since decision 0040 the comment and its outbox rows are written by the group-commit writer, outside the request, so they
    // are not counted here (the request checks, queues and waits).
    // The owner's went to 8 on SQLite (7 on PostgreSQL) when the comment form's name came with the session check
    // (decision 0066); the anonymous reader's is 7 on SQLite, 6 on PostgreSQL.
    public const int PostAnonymous = 7, PostOwner = 8, CommentPost = 10;

    private const string ProbeHeader = "X-Sql-Probe";
    private readonly CommandCounter _counter = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpContextAccessor();
            services.ConfigureDbContext<SqliteJournalsDbContext>((sp, o) => o.AddInterceptors(_counter.For(sp)));
            services.ConfigureDbContext<PostgresJournalsDbContext>((sp, o) => o.AddInterceptors(_counter.For(sp)));
        });
    }

    /// <summary>The number of SQL commands one request sent.</summary>
    public async Task<int> CountAsync(HttpClient client, HttpMethod method, string path)
    {
        var (count, response) = await CountResponseAsync(client, new HttpRequestMessage(method, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return count;
    }

    public async Task<(int Count, HttpResponseMessage Response)> CountResponseAsync(HttpClient client, HttpRequestMessage request)
    {
        var (count, _, response) = await CountWithOpensAsync(client, request);
        return (count, response);
    }

    /// <summary>The SQL commands one request sent and how many times it opened a connection for them.</summary>
    public async Task<(int Commands, int Opens, HttpResponseMessage Response)> CountWithOpensAsync(HttpClient client, HttpRequestMessage request)
    {
        var probe = Guid.NewGuid().ToString("N");
        request.Headers.Add(ProbeHeader, probe);
        var response = await client.SendAsync(request);
        var (commands, opens, _) = _counter.TakeAll(probe);
        return (commands, opens, response);
    }

    /// <summary>The statements one GET sent; it must answer with a success status.</summary>
    public async Task<List<Statement>> StatementsOfAsync(HttpClient client, string path)
    {
        var probe = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ProbeHeader, probe);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        var (_, _, statements) = _counter.TakeAll(probe);
        return statements;
    }

    private static string OpensOf(string probe) => probe + ":opens";

    private sealed class CommandCounter
    {
        private readonly ConcurrentDictionary<string, int> _counts = new();

        public IInterceptor[] For(IServiceProvider services)
        {
            var http = services.GetRequiredService<IHttpContextAccessor>();
            return [new Interceptor(this, http), new OpenCounter(this, http)];
        }

        private readonly ConcurrentDictionary<string, ConcurrentQueue<Statement>> _statements = new();

        /// <summary>What one probed request sent: its commands, its connection opens and the statements themselves.</summary>
        public (int Commands, int Opens, List<Statement> Statements) TakeAll(string probe) =>
            (Take(probe), Take(OpensOf(probe)), _statements.TryRemove(probe, out var kept) ? kept.ToList() : []);

        private int Take(string key) => _counts.TryRemove(key, out var count) ? count : 0;

        private void Count(IHttpContextAccessor http, DbCommand? command = null, bool open = false)
        {
            if (http.HttpContext?.Request is not { } request || request.Headers[ProbeHeader].ToString() is not { Length: > 0 } probe) return;
            _counts.AddOrUpdate(open ? OpensOf(probe) : probe, 1, (_, n) => n + 1);
            if (command is null) return;
            var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value == DBNull.Value ? null : p.Value)).ToList();
            _statements.GetOrAdd(probe, _ => new()).Enqueue(new Statement(request.Path + request.QueryString, command.CommandText, parameters));
        }

        private sealed class OpenCounter(CommandCounter counter, IHttpContextAccessor http) : DbConnectionInterceptor
        {
            public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => counter.Count(http, open: true);

            public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
            {
                counter.Count(http, open: true);
                return Task.CompletedTask;
            }
        }

        private sealed class Interceptor(CommandCounter counter, IHttpContextAccessor http) : DbCommandInterceptor
        {
            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
            {
                counter.Count(http, command);
                return base.ReaderExecutingAsync(command, eventData, result, ct);
            }

            public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
            {
                counter.Count(http, command);
                return base.ScalarExecutingAsync(command, eventData, result, ct);
            }

            public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
            {
                counter.Count(http, command);
                return base.NonQueryExecutingAsync(command, eventData, result, ct);
            }

            public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
            {
                counter.Count(http, command);
                return base.ReaderExecuting(command, eventData, result);
            }
        }
    }
}

public sealed class SqlCountingSqliteApp() : SqlCountingApp(new SqliteTestDatabase());
public sealed class SqlCountingPostgresApp() : SqlCountingApp(new PostgresTestDatabase());
