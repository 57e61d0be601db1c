using System.Net;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using HsctJournals.Web.Followers;
using static HsctJournals.Web.Tests.Notifications.NotificationTestData;

namespace HsctJournals.Web.Tests.Notifications;

/// <summary>Following a journal by e-mail: double opt-in, new posts, scheduled posts, digests, unsubscribe, access.</summary>
public abstract class FollowerTests(NotifyingApp app)
{
    /// <summary>The host of the test app's Site:BaseUrl, which list ids and message ids are on.</summary>
    private string SiteDomain => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Web.Shared.SiteOptions>>().Value.MailDomain;

    [Fact]
    public async Task Visitor_follows_with_double_opt_in_and_gets_each_new_post_once()
    {
        var (owner, journal) = await PublicJournalAsync();
        var address = NewAddress("fan");
        var client = app.AnonymousClient();

        var home = await Forms.GetAsync(client, $"/j/{journal.Slug}");
        Assert.Contains("Follow by e-mail", home.Html);
        var response = await home.PostAsync(client, new() { ["Email"] = address, ["Frequency"] = "Instant" }, $"/j/{journal.Slug}/follow");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/j/{journal.Slug}/follow?sent=true", response.Headers.Location?.OriginalString);

        var confirm = Assert.Single(await Eventually.MailAsync(app.Mail, address));
        Assert.Contains("Confirm", confirm.Subject);
        AssertWellFormedForReader(confirm);

        // Nothing is sent before confirming.
        await app.CreatePostAsync(journal, owner, "Before confirming");
        await OutboxDrainedAsync(app);
        Assert.Single(app.Mail.To(address));

        // Opening the link only asks; the POST confirms.
        var link = LinkPath(confirm, "/follow/confirm/");
        var page = await Forms.GetAsync(client, link);
        Assert.Contains("Yes, follow this journal", page.Html);
        var confirmed = await page.PostAsync(client, []);
        Assert.Contains("You follow", await confirmed.Content.ReadAsStringAsync());

        var post = await app.CreatePostAsync(journal, owner, "Engraftment day", "Neutrophils came back today.");
        var mails = await Eventually.MailAsync(app.Mail, address, 2);
        var news = mails[1];
        Assert.Equal($"{journal.Title}: Engraftment day", news.Subject);
        Assert.Contains($"http://journals.test/j/{journal.Slug}/posts/{post.Slug}", Text(news));
        Assert.Contains("Neutrophils came back today.", Html(news));
        AssertWellFormedForReader(news);
        await OutboxDrainedAsync(app);
        Assert.Equal(2, app.Mail.To(address).Count);

        // Asking again answers the same and sends nothing: no way to tell who follows.
        var again = await home.PostAsync(client, new() { ["Email"] = address.ToUpperInvariant(), ["Frequency"] = "DailyDigest" }, $"/j/{journal.Slug}/follow");
        Assert.Equal($"/j/{journal.Slug}/follow?sent=true", again.Headers.Location?.OriginalString);
        await OutboxDrainedAsync(app);
        Assert.Equal(2, app.Mail.To(address).Count);
    }

    [Fact]
    public async Task A_scheduled_post_is_mailed_once_when_it_becomes_due()
    {
        var (owner, journal) = await PublicJournalAsync();
        var address = await ConfirmedFollowerAsync(journal, FollowFrequency.Instant);
        var post = await app.CreatePostAsync(journal, owner, "Written ahead", status: PostStatus.Scheduled, publishAtUtc: DateTime.UtcNow.AddSeconds(3));
        await Task.Delay(1000);
        Assert.Empty(app.Mail.To(address));
        var mail = Assert.Single(await Eventually.MailAsync(app.Mail, address));
        Assert.Contains($"/posts/{post.Slug}", Text(mail));
        await Task.Delay(1000);
        await OutboxDrainedAsync(app);
        Assert.Single(app.Mail.To(address));
    }

    [Fact]
    public async Task Daily_digest_lists_the_new_posts_once_a_day()
    {
        var (owner, journal) = await PublicJournalAsync();
        var instantAddress = await ConfirmedFollowerAsync(journal, FollowFrequency.Instant);
        await app.CreatePostAsync(journal, owner, "Morning bloods");
        await app.CreatePostAsync(journal, owner, "Evening walk");
        await app.CreatePostAsync(journal, owner, "Not yet", status: PostStatus.Draft);
        // Added after the posts, so the digest job cannot run between follower and posts; confirmed yesterday, so today's digest is due.
        var digestAddress = await ConfirmedFollowerAsync(journal, FollowFrequency.DailyDigest, confirmedAt: DateTime.UtcNow.AddDays(-1));

        var digest = Assert.Single(await Eventually.MailAsync(app.Mail, digestAddress));
        Assert.Equal($"<{journal.Slug}.journals.{SiteDomain}>", digest.Headers["List-Id"]);
        Assert.Equal($"{journal.Title}: 2 new posts", digest.Subject);
        Assert.Contains("Morning bloods", Text(digest));
        Assert.Contains("Evening walk", Html(digest));
        Assert.DoesNotContain("Not yet", Text(digest));
        AssertWellFormedForReader(digest);
        await Eventually.MailAsync(app.Mail, instantAddress, 2);

        // A later post waits for tomorrow's digest.
        await app.CreatePostAsync(journal, owner, "Afternoon nap");
        await Eventually.MailAsync(app.Mail, instantAddress, 3);
        await OutboxDrainedAsync(app);
        Assert.Single(app.Mail.To(digestAddress));
    }

    [Fact]
    public async Task One_click_unsubscribe_needs_no_antiforgery_token_and_stops_the_mail()
    {
        var (owner, journal) = await PublicJournalAsync();
        var address = await ConfirmedFollowerAsync(journal, FollowFrequency.Instant);
        await app.CreatePostAsync(journal, owner, "First");
        var first = Assert.Single(await Eventually.MailAsync(app.Mail, address));
        var url = first.Headers["List-Unsubscribe"]!.Trim('<', '>');
        // A journal's posts are list mail: RFC 2919 List-Id on the site's domain (issue 8, fix 7).
        Assert.Equal($"<{journal.Slug}.journals.{SiteDomain}>", first.Headers["List-Id"]);

        var client = app.AnonymousClient();
        var ask = await client.GetStringAsync(url);
        Assert.Contains("Stop e-mail about new posts in", ask);
        var response = await client.PostAsync(url, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Done", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Followers.AnyAsync(f => f.Email == address)));

        await app.CreatePostAsync(journal, owner, "Second");
        await OutboxDrainedAsync(app);
        Assert.Single(app.Mail.To(address));

        // The older route from the brief and a forged token.
        var forged = await client.PostAsync("/follow/unsubscribe/not-a-token", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Contains("not valid", await forged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Followers_who_cannot_read_the_journal_any_more_get_nothing_members_still_do()
    {
        var (owner, journal) = await PublicJournalAsync();
        var reader = await app.CreateUserAsync("Approved Reader");
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        var stranger = await ConfirmedFollowerAsync(journal, FollowFrequency.Instant);
        await ConfirmedFollowerAsync(journal, FollowFrequency.Instant, email: reader.Email!, userId: reader.Id);

        await SetJournalAsync(app, journal, j => j.Visibility = JournalVisibility.ApprovedReaders);
        await app.CreatePostAsync(journal, owner, "Members only now");
        var mail = Assert.Single(await Eventually.MailAsync(app.Mail, reader.Email!));
        AssertWellFormedForReader(mail);
        await OutboxDrainedAsync(app);
        Assert.Empty(app.Mail.To(stranger));
    }

    [Fact]
    public async Task Only_readers_of_a_journal_can_follow_it_and_members_only_with_their_own_address()
    {
        var owner = await app.CreateUserAsync();
        var closed = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        var anonymous = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/j/{closed.Slug}/follow")).StatusCode);

        var member = await app.CreateUserAsync();
        await app.AddMemberAsync(closed, member, JournalRole.ApprovedReader);
        var client = await app.SignedInClientAsync(member);
        var form = await Forms.GetAsync(client, $"/j/{closed.Slug}/follow");
        Assert.Contains(member.Email!, form.Html); // their own address, prefilled

        var other = NewAddress("friend");
        var refused = await form.PostAsync(client, new() { ["Email"] = other, ["Frequency"] = "Instant" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("your account", html);
        Assert.Contains(other, html); // what they typed is kept

        var bad = await form.PostAsync(client, new() { ["Email"] = "not an address", ["Frequency"] = "Instant" });
        Assert.Contains("Enter an e-mail address", await bad.Content.ReadAsStringAsync());

        var ok = await form.PostAsync(client, new() { ["Email"] = member.Email!, ["Frequency"] = "DailyDigest" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("Confirm", Assert.Single(await Eventually.MailAsync(app.Mail, member.Email!)).Subject ?? "");
        await OutboxDrainedAsync(app);
        Assert.Empty(app.Mail.To(other));
    }

    private async Task<(Web.Shared.AppUser Owner, Journal Journal)> PublicJournalAsync()
    {
        var owner = await app.CreateUserAsync("Journal Owner");
        return (owner, await app.CreateJournalAsync(owner, JournalVisibility.Public));
    }

    private Task<string> ConfirmedFollowerAsync(Journal journal, FollowFrequency frequency, DateTime? confirmedAt = null,
        string? email = null, string? userId = null) => NotificationTestData.ConfirmedFollowerAsync(app, journal, frequency, confirmedAt, email, userId);
}

public sealed class FollowerTestsOnSqlite(NotifyingSqliteApp app) : FollowerTests(app), IClassFixture<NotifyingSqliteApp>;
public sealed class FollowerTestsOnPostgres(NotifyingPostgresApp app) : FollowerTests(app), IClassFixture<NotifyingPostgresApp>;
