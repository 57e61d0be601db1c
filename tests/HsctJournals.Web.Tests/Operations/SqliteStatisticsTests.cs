using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Tests.Comments;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Operations;

/// <summary>
/// SQLite's query-planner statistics (decision 0060): with them, "has the reader a held or still editable comment
/// under this post" reads the post's held and recent comments instead of every comment the reader ever wrote.
/// </summary>
public sealed class SqliteStatisticsTests(CommentsSqliteApp app) : IClassFixture<CommentsSqliteApp>
{
    // The shape of CommentThreads' "own comment shown apart" question for a signed-in reader.
    private const string OwnShownApart = "SELECT EXISTS (SELECT 1 FROM \"Comments\" AS c WHERE c.\"PostId\" = @post AND c.\"UserId\" = @user"
        + " AND (c.\"Status\" = 0 OR (c.\"Status\" = 1 AND c.\"CreatedAt\" > @since)))";

    [Fact]
    public async Task The_statistics_steer_the_own_comment_check_to_the_post_instead_of_all_the_readers_comments()
    {
        var (owner, journal, post) = await app.OpenJournalAsync();
        var other = await app.CreatePostAsync(journal, owner, "Earlier days", publishAtUtc: DateTime.UtcNow.AddDays(-3));
        // The owner answers everyone, over months: 600 comments under another post, 3 under this one.
        await app.DbAsync(async db =>
        {
            var written = DateTime.UtcNow.AddDays(-90);
            for (var i = 0; i < 603; i++)
                db.Comments.Add(new Comment
                {
                    PostId = i < 600 ? other.Id : post.Id, UserId = owner.Id, AuthorName = "Owner", AuthorEmail = owner.Email!,
                    Text = $"Thank you, {i}", Status = CommentStatus.Approved, CreatedAt = written.AddMinutes(i),
                });
            return await db.SaveChangesAsync();
        });
        // The app's own first round (after its first response) must be over before the statistics are taken away.
        await app.Visitor().GetAsync("/");
        for (var waited = 0; !await StatisticsExistAsync() && waited < 200; waited++) await Task.Delay(50);
        Assert.True(await StatisticsExistAsync());
        await app.DbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE sqlite_stat1"));
        SqliteConnection.ClearAllPools();
        Assert.Contains("IX_Comments_UserId", await PlanAsync(post.Id, owner.Id)); // SQLite's rule of thumb, without statistics

        await app.Services.GetRequiredService<SqliteStatistics>().GatherAsync(CancellationToken.None);

        var plan = await PlanAsync(post.Id, owner.Id);
        Assert.Contains("IX_Comments_PostId_Status_CreatedAt", plan);
        Assert.DoesNotContain("IX_Comments_UserId", plan);
        Assert.True(await app.DbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'Comments'").SingleAsync()) > 0);
    }

    private async Task<bool> StatisticsExistAsync() => await app.DbAsync(db => db.Database
        .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_schema WHERE name = 'sqlite_stat1'").SingleAsync()) > 0;

    private Task<string> PlanAsync(int postId, string userId) => app.DbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + OwnShownApart;
            foreach (var (name, value) in new (string, object)[] { ("@post", postId), ("@user", userId), ("@since", DateTime.UtcNow.AddMinutes(-15)) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            var steps = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
            return string.Join(" / ", steps);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });
}
