using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Api;

/// <summary>Journals and posts through the JSON API, under the one access rule.</summary>
public abstract class ApiJournalTests(AppFactory app)
{
    [Fact]
    public async Task An_owner_creates_changes_and_reads_a_journal_and_its_posts_with_a_token()
    {
        var owner = await app.CreateUserAsync("Olive Owner");
        var client = app.ApiClient(await app.TokenForAsync(owner));
        var slug = "api-" + Guid.NewGuid().ToString("N")[..8];

        var created = await (await client.PostAsJsonAsync("/api/v1/journals", new { title = "My transplant", slug }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Private", created.GetProperty("visibility").GetString());
        Assert.Equal("Owner", created.GetProperty("yourRole").GetString());
        Assert.Equal("Olive Owner", created.GetProperty("ownerName").GetString());

        var changed = await (await client.PutAsJsonAsync($"/api/v1/journals/{slug}", new { tagline = "Day by day", visibility = "Public" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("My transplant", changed.GetProperty("title").GetString());
        Assert.Equal("Day by day", changed.GetProperty("tagline").GetString());
        Assert.Equal("Public", changed.GetProperty("visibility").GetString());

        var postResponse = await client.PostAsJsonAsync($"/api/v1/journals/{slug}/posts", new
        {
            title = "Day +3: the fever", markdown = "It **arrived**.", status = "Published", category = "Isolation", tags = new[] { "fever", "bloods" },
        });
        var post = await postResponse.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/journals/{slug}/posts/day-3-the-fever", postResponse.Headers.Location!.OriginalString);
        Assert.Equal("Olive Owner", post.GetProperty("author").GetString());
        Assert.Contains("<strong>arrived</strong>", post.GetProperty("html").GetString());
        Assert.Equal("Isolation", post.GetProperty("category").GetString());
        Assert.Equal(["bloods", "fever"], post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var version = post.GetProperty("version").GetInt32();
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/journals/{slug}/posts/day-3-the-fever")
        {
            Content = JsonContent.Create(new { markdown = "It *left* again." }),
        };
        update.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        var updated = await (await client.SendAsync(update)).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("<em>left</em>", updated.GetProperty("html").GetString());
        Assert.Equal("Day +3: the fever", updated.GetProperty("title").GetString());
        Assert.Equal(["bloods", "fever"], updated.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        // A stale version is refused instead of overwriting the newer text.
        var stale = await client.PutAsJsonAsync($"/api/v1/journals/{slug}/posts/day-3-the-fever", new { markdown = "Old", version });
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);

        var anonymous = app.ApiClient();
        var list = await (await anonymous.GetAsync($"/api/v1/journals/{slug}/posts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var read = await (await anonymous.GetAsync($"/api/v1/journals/{slug}/posts/day-3-the-fever")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("markdown").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/journals/{slug}/posts/day-3-the-fever")).StatusCode);
        await (await anonymous.GetAsync($"/api/v1/journals/{slug}/posts/day-3-the-fever")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Drafts_are_listed_only_for_writers_asking_for_all()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(journal, owner, "Live one");
        await app.CreatePostAsync(journal, owner, "Secret draft", status: PostStatus.Draft);
        var ownerClient = app.ApiClient(await app.TokenForAsync(owner));
        var strangerClient = app.ApiClient(await app.TokenForAsync(await app.CreateUserAsync()));

        var ownerAll = await (await ownerClient.GetAsync($"/api/v1/journals/{journal.Slug}/posts?status=all")).JsonAsync(HttpStatusCode.OK);
        var ownerLive = await (await ownerClient.GetAsync($"/api/v1/journals/{journal.Slug}/posts")).JsonAsync(HttpStatusCode.OK);
        var strangerAll = await (await strangerClient.GetAsync($"/api/v1/journals/{journal.Slug}/posts?status=all")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, ownerAll.GetProperty("total").GetInt32());
        Assert.Equal(1, ownerLive.GetProperty("total").GetInt32());
        Assert.Equal(1, strangerAll.GetProperty("total").GetInt32());
        Assert.DoesNotContain("Secret draft", strangerAll.GetRawText());
        await (await strangerClient.GetAsync($"/api/v1/journals/{journal.Slug}/posts/secret-draft")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_strangers_token_gets_404_for_a_private_journal_and_its_posts_exactly_like_a_missing_one()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        await app.CreatePostAsync(journal, owner, "Private news");
        var stranger = app.ApiClient(await app.TokenForAsync(await app.CreateUserAsync()));
        var j = journal.Slug;

        var missing = await (await stranger.GetAsync("/api/v1/journals/no-such-journal-here")).ProblemAsync(HttpStatusCode.NotFound);
        var requests = new List<HttpResponseMessage>
        {
            await stranger.GetAsync($"/api/v1/journals/{j}"),
            await stranger.GetAsync($"/api/v1/journals/{j}/posts"),
            await stranger.GetAsync($"/api/v1/journals/{j}/posts/private-news"),
            await stranger.PutAsJsonAsync($"/api/v1/journals/{j}", new { title = "Mine now" }),
            await stranger.PostAsJsonAsync($"/api/v1/journals/{j}/posts", new { title = "Hi", markdown = "x" }),
            await stranger.PutAsJsonAsync($"/api/v1/journals/{j}/posts/private-news", new { title = "Changed" }),
            await stranger.DeleteAsync($"/api/v1/journals/{j}/posts/private-news"),
        };
        foreach (var response in requests)
        {
            var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(j, problem.GetRawText());
        }
        var journalProblem = await requests[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(missing.GetProperty("detail").GetString(), journalProblem.GetProperty("detail").GetString());

        var listed = await (await stranger.GetAsync("/api/v1/journals")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(j, listed.GetRawText());
        var ownerList = await (await app.ApiClient(await app.TokenForAsync(owner)).GetAsync("/api/v1/journals")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(j, ownerList.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await app.ApiClient(await app.TokenForAsync(owner)).GetAsync($"/api/v1/journals/{j}/posts/private-news")).StatusCode);
    }

    [Fact]
    public async Task Members_without_the_role_get_403_and_co_authors_may_write()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        var reader = await app.CreateUserAsync();
        var coAuthor = await app.CreateUserAsync("Cora Coauthor");
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);
        var readerClient = app.ApiClient(await app.TokenForAsync(reader));
        var coAuthorClient = app.ApiClient(await app.TokenForAsync(coAuthor));

        await (await readerClient.PostAsJsonAsync($"/api/v1/journals/{journal.Slug}/posts", new { title = "Hi", markdown = "x" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await coAuthorClient.PutAsJsonAsync($"/api/v1/journals/{journal.Slug}", new { title = "Taken over" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        var post = await (await coAuthorClient.PostAsJsonAsync($"/api/v1/journals/{journal.Slug}/posts", new { title = "Guest post", markdown = "Hello", status = "Published" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Cora Coauthor", post.GetProperty("author").GetString());
        Assert.Equal(HttpStatusCode.OK, (await readerClient.GetAsync($"/api/v1/journals/{journal.Slug}/posts/guest-post")).StatusCode);
        await (await app.ApiClient().GetAsync($"/api/v1/journals/{journal.Slug}/posts/guest-post")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Validation_errors_are_problem_details_with_field_names()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = app.ApiClient(await app.TokenForAsync(owner));

        var journalErrors = (await (await client.PostAsJsonAsync("/api/v1/journals", new { title = "", slug = "Not A Slug!" }))
            .ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(journalErrors.TryGetProperty("title", out _));
        Assert.True(journalErrors.TryGetProperty("slug", out _));

        var postErrors = (await (await client.PostAsJsonAsync($"/api/v1/journals/{journal.Slug}/posts",
                new { title = new string('x', Post.TitleMaxLength + 1), markdown = "", category = new string('c', 200), status = "Scheduled" }))
            .ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("at most", postErrors.GetProperty("title")[0].GetString());
        Assert.True(postErrors.TryGetProperty("markdown", out _));
        Assert.True(postErrors.TryGetProperty("category", out _));
        Assert.True(postErrors.TryGetProperty("publishAt", out _));

        var badDate = (await (await client.PostAsJsonAsync($"/api/v1/journals/{journal.Slug}/posts", new { title = "T", markdown = "x", publishAt = "next Tuesday" }))
            .ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("ISO 8601", badDate.GetProperty("publishAt")[0].GetString());
        await (await client.GetAsync($"/api/v1/journals/{journal.Slug}/posts?page=0")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/v1/journals/{journal.Slug}/posts?status=secret")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_publish_time_without_an_offset_is_read_in_the_authors_time_zone()
    {
        var owner = await app.CreateUserAsync(); // Europe/London by default
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = app.ApiClient(await app.TokenForAsync(owner));

        var local = await (await client.PostAsJsonAsync($"/api/v1/journals/{journal.Slug}/posts",
            new { title = "Summer", markdown = "x", status = "Scheduled", publishAt = "2099-07-01T09:00" })).JsonAsync(HttpStatusCode.Created);
        var exact = await (await client.PostAsJsonAsync($"/api/v1/journals/{journal.Slug}/posts",
            new { title = "Exact", markdown = "x", status = "Scheduled", publishAt = "2099-07-01T09:00:00Z" })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(new DateTime(2099, 7, 1, 8, 0, 0, DateTimeKind.Utc), local.GetProperty("publishedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(new DateTime(2099, 7, 1, 9, 0, 0, DateTimeKind.Utc), exact.GetProperty("publishedAt").GetDateTime().ToUniversalTime());
        Assert.Equal("Scheduled", local.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Malformed_json_wrong_types_oversized_bodies_and_unknown_ids_are_4xx_problem_details()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var client = app.ApiClient(await app.TokenForAsync(owner));
        StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

        await (await client.PostAsync("/api/v1/journals", Json("{\"title\": \"unterminated"))).ProblemAsync(HttpStatusCode.BadRequest);
        var wrongType = await (await client.PostAsync("/api/v1/journals", Json("{\"title\": 5}"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", wrongType.GetProperty("detail").GetString());
        await (await client.PostAsync("/api/v1/journals", Json("{\"title\": \"T\", \"visibility\": \"Everyone\"}"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/api/v1/journals", Json(""))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/api/v1/journals", new StringContent("title=x", Encoding.UTF8, "text/plain"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var huge = "{\"title\": \"T\", \"markdown\": \"" + new string('x', 3 * 1024 * 1024) + "\"}";
        await (await client.PostAsync($"/api/v1/journals/{journal.Slug}/posts", Json(huge))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var tooLong = await (await client.PostAsJsonAsync($"/api/v1/journals/{journal.Slug}/posts", new { title = "Long", markdown = new string('x', Post.MarkdownMaxLength + 1) }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("markdown", out _));
        await (await client.GetAsync($"/api/v1/journals/{journal.Slug}/posts?page=abc")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/v1/journals/{journal.Slug}/posts?page=99999999999")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/v1/journals/{journal.Slug}/posts/no-such-post")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync("/api/v1/tokens/not-a-number")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_responses_never_contain_email_addresses()
    {
        var owner = await app.CreateUserAsync("Olive");
        var coAuthor = await app.CreateUserAsync("Cora");
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);
        await app.CreatePostAsync(journal, coAuthor, "By Cora", category: "News", tags: "a, b");
        var ownerClient = app.ApiClient(await app.TokenForAsync(owner));

        var bodies = new List<string>();
        foreach (var client in new[] { ownerClient, app.ApiClient() })
        {
            bodies.Add(await client.GetStringAsync("/api/v1/journals"));
            bodies.Add(await client.GetStringAsync($"/api/v1/journals/{journal.Slug}"));
            bodies.Add(await client.GetStringAsync($"/api/v1/journals/{journal.Slug}/posts?status=all"));
            bodies.Add(await client.GetStringAsync($"/api/v1/journals/{journal.Slug}/posts/by-cora"));
        }
        bodies.Add(await ownerClient.GetStringAsync("/api/v1/tokens"));
        bodies.Add(await (await ownerClient.PostAsJsonAsync($"/api/v1/journals/{journal.Slug}/posts", new { title = "By Olive", markdown = "x" })).Content.ReadAsStringAsync());

        foreach (var body in bodies)
        {
            Assert.DoesNotContain(owner.Email!, body);
            Assert.DoesNotContain(coAuthor.Email!, body);
            Assert.DoesNotContain("@tests.invalid", body);
        }
        Assert.Contains("Cora", bodies[3]);
    }
}

public sealed class ApiJournalTestsOnSqlite(SqliteApp app) : ApiJournalTests(app), IClassFixture<SqliteApp>;
public sealed class ApiJournalTestsOnPostgres(PostgresApp app) : ApiJournalTests(app), IClassFixture<PostgresApp>;
