using System.Net;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>
/// Photos are served under the access rule (design invariant 1): to the journal's writers and to
/// readers of a post that shows them; everyone else gets the same 404 as for a photo that does
/// not exist. Public photos are cacheable forever; the rest are private.
/// </summary>
public abstract class PhotoAccessTests(AppFactory app)
{
    private const string Missing = "/photos/0000000000000000000000000000000000000000000000000000000000000000.webp";

    private static async Task AssertLikeMissingAsync(HttpClient client, string url, string who)
    {
        var response = await client.GetAsync(url);
        var missing = await client.GetAsync(Missing);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who} got {(int)response.StatusCode} for {url}");
        Assert.Equal(missing.StatusCode, response.StatusCode);
        // The same page, except for the per-request antiforgery token in its forms.
        Assert.Equal(WithoutTokens(await missing.Content.ReadAsStringAsync()), WithoutTokens(await response.Content.ReadAsStringAsync()));
        Assert.Equal(missing.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentType?.ToString());
    }

    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");

    [Fact]
    public async Task A_photo_in_a_public_post_is_public_immutable_and_answers_304_to_its_etag()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.Png(1000, 700), "walk.png", "First walk outside");
        await app.CreatePostAsync(journal, owner, "Outside", $"![](photo:{photo.Id})");
        var variant = (await app.VariantsAsync(photo.Id)).First(v => v.Format == PhotoFormat.WebP && v.Width == 960);

        var anonymous = app.AnonymousClient();
        var response = await anonymous.GetAsync(variant.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.Equal($"\"{variant.Hash}\"", response.Headers.ETag?.Tag);

        var again = new HttpRequestMessage(HttpMethod.Get, variant.Url);
        again.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{variant.Hash}\""));
        var revalidated = await anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(JournalVisibility.Private)]
    [InlineData(JournalVisibility.ApprovedReaders)]
    public async Task A_photo_of_a_closed_journal_reaches_its_readers_privately_and_nobody_else(JournalVisibility visibility)
    {
        var owner = await app.CreateUserAsync();
        var coAuthor = await app.CreateUserAsync();
        var reader = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, visibility);
        await app.AddMemberAsync(journal, coAuthor, JournalRole.CoAuthor);
        await app.AddMemberAsync(journal, reader, visibility == JournalVisibility.Private ? JournalRole.Moderator : JournalRole.ApprovedReader);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.PhoneJpeg(700, 500, orientation: 1, red: 90), "line.jpg", "The line going in");
        await app.CreatePostAsync(journal, owner, "The line", $"Here it is.\n\n![](photo:{photo.Id})");
        var urls = (await app.VariantsAsync(photo.Id)).Select(v => v.Url).ToList();

        foreach (var user in new[] { owner, coAuthor, reader })
        {
            var client = await app.SignedInClientAsync(user);
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var cache = response.Headers.CacheControl!;
                Assert.True(cache.Private && cache.NoCache && !cache.Public, $"Cache-Control: {cache}");
            }
        }
        foreach (var (client, who) in new[] { (app.AnonymousClient(), "anonymous"), (await app.SignedInClientAsync(stranger), "stranger") })
            foreach (var url in urls)
                await AssertLikeMissingAsync(client, url, who);
    }

    [Fact]
    public async Task A_photo_no_live_post_shows_is_seen_only_by_the_writers()
    {
        var owner = await app.CreateUserAsync();
        var reader = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        var unused = await app.UploadOkAsync(journal, owner, PhotoKit.Png(640, 480), "unused.png", "Not shown anywhere");
        var inDraft = await app.UploadOkAsync(journal, owner, PhotoKit.Png(620, 480), "draft.png", "Only in a draft");
        await app.CreatePostAsync(journal, owner, "Not yet", $"![](photo:{inDraft.Id})", PostStatus.Draft);

        foreach (var photo in new[] { unused, inDraft })
        {
            var url = (await app.VariantsAsync(photo.Id)).First().Url;
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(owner)).GetAsync(url)).StatusCode);
            await AssertLikeMissingAsync(app.AnonymousClient(), url, "anonymous");
            await AssertLikeMissingAsync(await app.SignedInClientAsync(reader), url, "approved reader");
        }
    }

    [Fact]
    public async Task Posts_show_figures_and_galleries_with_responsive_images_and_never_another_journals_photo()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var other = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var single = await app.UploadOkAsync(journal, owner, PhotoKit.PhoneJpeg(2000, 1500, orientation: 1, red: 10), "bag.jpg", "The bag of cells", caption: "Day 0 <3");
        var a = await app.UploadOkAsync(journal, owner, PhotoKit.Png(800, 600), "a.png", "Nurse & me");
        var b = await app.UploadOkAsync(journal, owner, PhotoKit.Png(810, 600), "b.png", "The ward");
        var secret = await app.UploadOkAsync(other, owner, PhotoKit.Png(820, 600), "secret.png", "Secret");

        // A forged id from another journal is refused when saving, with a message.
        var refused = await app.WithScopeAsync(sp => sp.GetRequiredService<PostEditor>().CreateAsync(journal, owner.Id,
            new PostInput { Title = "Borrowed", Markdown = $"![x](photo:{secret.Id})", Status = PostStatus.Published }, TimeZoneInfo.Utc));
        Assert.False(refused.Succeeded);
        Assert.Contains($"photo:{secret.Id} is not a photo of this journal", refused.Errors[nameof(PostInput.Markdown)].Single());

        var post = await app.CreatePostAsync(journal, owner, "Day 0",
            $"Before.\n\n![](photo:{single.Id})\n\nBetween.\n\n![](photo:{a.Id})\n![Us, smiling](photo:{b.Id})\n\nAfter.");
        var html = await app.AnonymousClient().GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        var variants = await app.VariantsAsync(single.Id);
        var jpeg1600 = variants.Single(v => v.Format == PhotoFormat.Jpeg && v.Width == 1600);
        Assert.Contains("<figure class=\"photo\"><a class=\"photo-full\" href=\"" + jpeg1600.Url + "\"", html);
        Assert.Contains($"srcset=\"{variants.Single(v => v.Format == PhotoFormat.WebP && v.Width == 480).Url} 480w, ", html);
        Assert.Contains("width=\"1600\" height=\"1200\" alt=\"The bag of cells\" loading=\"lazy\" decoding=\"async\"", html);
        Assert.Contains("<figcaption>Day 0 &lt;3</figcaption>", html);
        Assert.Contains("<div class=\"gallery\" role=\"group\" aria-label=\"Gallery of 2 photos\">", html);
        Assert.Contains("alt=\"Nurse &amp; me\"", html);
        Assert.Contains("alt=\"Us, smiling\"", html);
        Assert.Contains("<p>Before.</p>", html);
        Assert.DoesNotContain("photo:", html);

        // The same forged reference slipped into stored Markdown (e.g. by an old import) shows nothing.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Data.JournalsDbContext>();
            var stored = await db.Posts.FindAsync(post.Id);
            stored!.Markdown += $"\n\n![x](photo:{secret.Id})";
            await sp.GetRequiredService<PostEditor>().RerenderAsync(stored);
        });
        var secretUrls = (await app.VariantsAsync(secret.Id)).Select(v => v.Url);
        html = await (await app.SignedInClientAsync(owner)).GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        foreach (var url in secretUrls) Assert.DoesNotContain(url, html);
    }

    [Fact]
    public async Task Deleting_a_photo_a_published_post_shows_takes_it_out_of_the_post_and_frees_its_bytes()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.Png(700, 500), "gone.png", "Soon gone");
        var post = await app.CreatePostAsync(journal, owner, "Shown", $"Text.\n\n![](photo:{photo.Id})");
        var url = (await app.VariantsAsync(photo.Id)).First().Url;
        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync(url)).StatusCode);

        var listing = await app.WithScopeAsync(sp => sp.GetRequiredService<PhotoLibrary>().FindAsync(journal.Id, photo.Id));
        Assert.Equal("Shown", Assert.Single(listing!.Posts).Title);
        // Another journal cannot delete it by id.
        var otherJournal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<PhotoLibrary>().DeleteAsync(otherJournal.Id, photo.Id)));

        var before = await app.CountsAsync();
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<PhotoLibrary>().DeleteAsync(journal.Id, photo.Id)));
        var after = await app.CountsAsync();
        Assert.Equal(before.Photos - 1, after.Photos);
        Assert.True(after.Blobs < before.Blobs);
        await AssertLikeMissingAsync(app.AnonymousClient(), url, "anonymous");
        var html = await app.AnonymousClient().GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        Assert.Contains("<p>Text.</p>", html);
        Assert.DoesNotContain(url, html);
    }
}

public sealed class PhotoAccessTestsOnSqlite(SqliteApp app) : PhotoAccessTests(app), IClassFixture<SqliteApp>;
public sealed class PhotoAccessTestsOnPostgres(PostgresApp app) : PhotoAccessTests(app), IClassFixture<PostgresApp>;
