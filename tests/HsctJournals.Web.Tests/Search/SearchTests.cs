using System.Net;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Search;

/// <summary>Searching posts site-wide and within a journal, on each database, through the real page.</summary>
public abstract class SearchTests(AppFactory app)
{
    [Fact]
    public async Task An_empty_query_shows_just_the_form()
    {
        var html = await SearchAsync(app.AnonymousClient(), "/search");

        Assert.Contains("role=\"search\"", html);
        Assert.Contains("<label for=\"q\">Search</label>", html);
        Assert.Contains("type=\"search\" id=\"q\" name=\"q\"", html);
        Assert.DoesNotContain("No posts match", html);
        Assert.DoesNotContain("search-results", html);
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_text_only_match()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var word = Word();
        // The title post is older, so only its rank can put it first.
        var inTitle = await app.CreatePostAsync(journal, owner, $"All about {word}", "Nothing else to say.");
        var inText = await app.CreatePostAsync(journal, owner, "Another day", $"Today the doctor mentioned {word} in passing.");

        var html = await SearchAsync(app.AnonymousClient(), $"/search?q={word}");

        Assert.Contains("2 posts match", html);
        var titleAt = html.IndexOf(Url(journal, inTitle), StringComparison.Ordinal);
        var textAt = html.IndexOf(Url(journal, inText), StringComparison.Ordinal);
        Assert.True(titleAt >= 0 && textAt >= 0, "both posts are found");
        Assert.True(titleAt < textAt, "the title match comes first");
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", html);
    }

    [Fact]
    public async Task Snippets_mark_the_hits_and_encode_the_post_text()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var word = Word();
        await app.CreatePostAsync(journal, owner, $"Counts <i>up</i> {word}", $"Temperature 39 < 40 & the {word} came back strong.");

        var html = await SearchAsync(app.AnonymousClient(), $"/search?q={word.ToUpperInvariant()}");

        Assert.Contains($"<mark>{word}</mark> came back", html);
        Assert.Contains("39 &lt; 40 &amp; the", html);
        Assert.Contains($"Counts &lt;i&gt;up&lt;/i&gt; <mark>{word}</mark>", html);
        Assert.DoesNotContain("<i>up</i>", html);
        Assert.DoesNotContain("\u0001", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_with_accents_find_each_other()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var word = Word();
        await app.CreatePostAsync(journal, owner, "Coffee", $"Waiting at the café with {word}.");

        var html = await SearchAsync(app.AnonymousClient(), $"/search?q={Uri.EscapeDataString("café " + word)}");

        Assert.Contains("1 post matches", html);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("AND OR")]
    [InlineData("'; DROP TABLE \"Posts\"; --")]
    [InlineData("🎉🩸 💉")]
    [InlineData("?!.,;:()[]{}^-+")]
    [InlineData("Title:fever")]
    [InlineData("fever\"* OR NOT")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("-fever | !blood & (x <-> y)")]
    public async Task Hostile_queries_answer_with_a_page(string query)
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreatePostAsync(journal, owner, "Fever and blood", "NEAR the end, AND OR NOT.");
        var q = Uri.EscapeDataString(query);

        foreach (var url in new[] { $"/search?q={q}", $"/j/{journal.Slug}/search?q={q}", $"/search?q={q}&page=99999999", $"/search?q={q}&page=-3" })
        {
            var html = await SearchAsync(app.AnonymousClient(), url);
            Assert.Contains("role=\"search\"", html);
        }
    }

    [Fact]
    public async Task Only_punctuation_matches_nothing()
    {
        var html = await SearchAsync(app.AnonymousClient(), $"/search?q={Uri.EscapeDataString("?!.,;: \"\" *")}");

        Assert.Contains("No posts match", html);
    }

    [Fact]
    public async Task A_very_long_query_gets_a_message_and_is_kept()
    {
        var query = new string('a', 5000);

        var html = await SearchAsync(app.AnonymousClient(), $"/search?q={query}");

        Assert.Contains("Search for at most 200 characters", html);
        Assert.Contains($"value=\"{query}\"", html);
        Assert.Contains("aria-describedby=\"q-error\"", html);
    }

    [Fact]
    public async Task A_stranger_never_finds_private_approved_readers_draft_or_scheduled_posts()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var word = Word();
        var open = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var privateJournal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var approved = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        await app.CreatePostAsync(open, owner, $"Draft {word}", word, PostStatus.Draft);
        await app.CreatePostAsync(open, owner, $"Later {word}", word, PostStatus.Scheduled, DateTime.UtcNow.AddDays(7));
        await app.CreatePostAsync(privateJournal, owner, $"Secret {word}", word);
        await app.CreatePostAsync(approved, owner, $"Members only {word}", word);

        foreach (var client in new[] { app.AnonymousClient(), await app.SignedInClientAsync(stranger) })
        {
            var html = await SearchAsync(client, $"/search?q={word}");
            Assert.Contains($"No posts match “{word}”", html);
            Assert.Contains($"No posts match “{word}”", await SearchAsync(client, $"/j/{open.Slug}/search?q={word}"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/j/{privateJournal.Slug}/search?q={word}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/j/{approved.Slug}/search?q={word}")).StatusCode);
        }

        // The owner does not find the draft or the scheduled post either: search shows live posts only.
        var ownerHtml = await SearchAsync(await app.SignedInClientAsync(owner), $"/search?q={word}");
        Assert.Contains("2 posts match", ownerHtml);
        Assert.DoesNotContain("Draft ", ownerHtml);
        Assert.DoesNotContain("Later ", ownerHtml);
    }

    [Fact]
    public async Task A_member_finds_the_posts_of_their_journal()
    {
        var owner = await app.CreateUserAsync();
        var reader = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        var word = Word();
        var post = await app.CreatePostAsync(journal, owner, "Home at last", $"The {word} is over.");
        var client = await app.SignedInClientAsync(reader);

        var siteWide = await SearchAsync(client, $"/search?q={word}");
        var inJournal = await SearchAsync(client, $"/j/{journal.Slug}/search?q={word}");

        Assert.Contains(Url(journal, post), siteWide);
        Assert.Contains(Url(journal, post), inJournal);
        Assert.Contains("1 post matches", inJournal);
    }

    [Fact]
    public async Task Unlisted_posts_are_found_only_in_their_own_journal()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Unlisted);
        var word = Word();
        var post = await app.CreatePostAsync(journal, owner, "Quiet news", $"Only for those with the link: {word}.");
        var stranger = await app.SignedInClientAsync(await app.CreateUserAsync());

        Assert.Contains("No posts match", await SearchAsync(app.AnonymousClient(), $"/search?q={word}"));
        Assert.Contains("No posts match", await SearchAsync(stranger, $"/search?q={word}"));
        Assert.Contains(Url(journal, post), await SearchAsync(app.AnonymousClient(), $"/j/{journal.Slug}/search?q={word}"));
        // Its owner lists it, so their site-wide search includes it.
        Assert.Contains(Url(journal, post), await SearchAsync(await app.SignedInClientAsync(owner), $"/search?q={word}"));
    }

    [Fact]
    public async Task Search_in_a_journal_returns_only_that_journal()
    {
        var owner = await app.CreateUserAsync();
        var first = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var second = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var word = Word();
        var mine = await app.CreatePostAsync(first, owner, $"First {word}");
        var other = await app.CreatePostAsync(second, owner, $"Second {word}");

        var inFirst = await SearchAsync(app.AnonymousClient(), $"/j/{first.Slug}/search?q={word}");
        var siteWide = await SearchAsync(app.AnonymousClient(), $"/search?q={word}");

        Assert.Contains(Url(first, mine), inFirst);
        Assert.DoesNotContain(Url(second, other), inFirst);
        Assert.Contains($"action=\"/j/{first.Slug}/search\"", inFirst);
        Assert.Contains("2 posts match", siteWide);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync($"/j/no-such-journal-{word}/search?q={word}")).StatusCode);
    }

    [Fact]
    public async Task Edits_and_deletes_update_the_index()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var oldWord = Word();
        var newWord = Word();
        var goneWord = Word();
        var post = await app.CreatePostAsync(journal, owner, $"Before {oldWord}", "Unchanged text.");
        var doomed = await app.CreatePostAsync(journal, owner, "To be deleted", $"Soon {goneWord}.");
        Assert.Contains("1 post matches", await SearchAsync(app.AnonymousClient(), $"/search?q={goneWord}"));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var editor = sp.GetRequiredService<PostEditor>();
            var tracked = await db.Posts.SingleAsync(p => p.Id == post.Id);
            var result = await editor.UpdateAsync(tracked, journal, owner.Id,
                new PostInput { Title = $"After {newWord}", Markdown = "Unchanged text.", Status = PostStatus.Published, PublishAt = post.PublishedAt },
                TimeZoneInfo.Utc);
            Assert.True(result.Succeeded);
            await editor.DeleteAsync(await db.Posts.SingleAsync(p => p.Id == doomed.Id));
        });

        Assert.Contains(Url(journal, post), await SearchAsync(app.AnonymousClient(), $"/search?q={newWord}"));
        Assert.Contains("No posts match", await SearchAsync(app.AnonymousClient(), $"/search?q={oldWord}"));
        Assert.Contains("No posts match", await SearchAsync(app.AnonymousClient(), $"/search?q={goneWord}"));
    }

    [Fact]
    public async Task Many_results_are_paged()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var word = Word();
        for (var i = 0; i < 12; i++) await app.CreatePostAsync(journal, owner, $"Note {i}", $"Entry about {word}.");

        var first = await SearchAsync(app.AnonymousClient(), $"/j/{journal.Slug}/search?q={word}");
        var second = await SearchAsync(app.AnonymousClient(), $"/j/{journal.Slug}/search?q={word}&page=2");

        Assert.Contains("12 posts match", first);
        Assert.Contains($"href=\"/j/{journal.Slug}/search?q={word}&amp;page=2\" rel=\"next\"", first);
        Assert.Equal(10, Count(first, "<li class=\"post-summary\">"));
        Assert.Equal(2, Count(second, "<li class=\"post-summary\">"));
        Assert.Contains("start=\"11\"", second);
    }

    private static async Task<string> SearchAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return html;
    }

    private static string Url(Journal journal, Post post) => $"/j/{journal.Slug}/posts/{post.Slug}";

    private static int Count(string html, string needle) => (html.Length - html.Replace(needle, "").Length) / needle.Length;

    /// <summary>A word no other test uses (letters only, so every tokenizer keeps it whole).</summary>
    private static string Word() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
}

public sealed class SearchTestsOnSqlite(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;
public sealed class SearchTestsOnPostgres(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;
