using System.Net;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Accounts;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Tests.Security;

/// <summary>Issue 8, fix 1: every absolute link comes from Site:BaseUrl; a forged Host header gets nowhere.</summary>
public abstract class LinkPoisoningTests(SecurityApp app)
{
    private static HttpRequestMessage Post(string url, Forms form, Dictionary<string, string> fields, string host)
    {
        if (form.Token is not null) fields["__RequestVerificationToken"] = form.Token;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Host = host;
        return request;
    }

    [Fact]
    public async Task A_forgot_password_request_naming_another_host_is_refused_and_sends_nothing()
    {
        var user = await app.CreateUserAsync();
        var client = app.AnonymousClient();
        var form = await Forms.GetAsync(client, "/Identity/Account/ForgotPassword");

        var forged = await client.SendAsync(Post(form.Url, form, new() { ["Email"] = user.Email! }, "evil.example"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var honest = await form.PostAsync(client, new() { ["Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.OK, honest.StatusCode);
        var mail = await app.Mail.WaitForAsync(user.Email!, "Reset your password");
        Assert.Single(app.Mail.To(user.Email!));
        var links = LinksIn(mail.HtmlBody);
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith(SecurityApp.PublicUrl + "/", l));
        Assert.Contains(SecurityApp.PublicUrl + "/Identity/Account/ResetPassword?code=", mail.TextBody);
        Assert.EndsWith("@journals.example.org", mail.MessageId);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task Invitation_and_access_request_mail_link_to_the_public_address_not_the_requests_host()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        var ownerClient = await app.SignedInClientAsync(owner);
        var members = await Forms.GetAsync(ownerClient, $"/j/{journal.Slug}/members");
        var address = $"guest-{Guid.NewGuid():N}"[..14] + "@tests.invalid";
        await members.PostAsync(ownerClient, new() { ["Email"] = address, ["Role"] = "ApprovedReader" }, $"/j/{journal.Slug}/members?handler=Invite");
        var invitation = app.Mail.Single(address, "Invitation");
        Assert.All(LinksIn(invitation.HtmlBody), l => Assert.StartsWith(SecurityApp.PublicUrl + "/invitations/", l));

        var asker = await app.CreateUserAsync();
        var askerClient = await app.SignedInClientAsync(asker);
        var ask = await Forms.GetAsync(askerClient, $"/j/{journal.Slug}/request-access");
        await ask.PostAsync(askerClient, new() { ["Message"] = "Hello" });
        var told = app.Mail.Single(owner.Email!, "Request to read");
        Assert.All(LinksIn(told.HtmlBody), l => Assert.StartsWith(SecurityApp.PublicUrl + "/", l));
        // Fix 7: mail sent at once and queued mail alike say who sent them and that no one should auto-reply.
        foreach (var message in new[] { invitation, told })
        {
            Assert.EndsWith("@journals.example.org", message.MessageId);
            Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        }
    }

    [Fact]
    public async Task Feeds_sitemap_robots_and_canonical_links_use_the_public_address()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var post = await app.CreatePostAsync(journal, owner, "Canonical");
        var client = app.AnonymousClient();

        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains($"Sitemap: {SecurityApp.PublicUrl}/sitemap.xml", robots);
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.Contains($"<loc>{SecurityApp.PublicUrl}/j/{journal.Slug}</loc>", sitemap);
        Assert.DoesNotContain("http://localhost", sitemap);
        var feed = await client.GetStringAsync($"/j/{journal.Slug}/feed.rss");
        Assert.Contains($"{SecurityApp.PublicUrl}/j/{journal.Slug}/posts/{post.Slug}", feed);
        Assert.DoesNotContain("http://localhost", feed);
        var page = await client.GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        Assert.Contains($"<link rel=\"canonical\" href=\"{SecurityApp.PublicUrl}/j/{journal.Slug}/posts/{post.Slug}\"", page);
    }

    [Fact]
    public async Task An_https_site_marks_its_sign_in_cookie_secure_and_trusts_no_proxy_unless_configured()
    {
        var user = await app.CreateUserAsync();
        var client = app.AnonymousClient();
        var form = await Forms.GetAsync(client, "/Identity/Account/Login");
        var response = await form.PostAsync(client, new() { ["Input.Email"] = user.Email!, ["Input.Password"] = AppFactory.Password, ["Input.RememberMe"] = "false" });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Empty(forwarded.KnownProxies);
        Assert.Empty(forwarded.KnownIPNetworks);
    }

    [Fact]
    public async Task An_anonymous_form_posted_with_a_forged_host_and_matching_origin_is_refused()
    {
        var (_, journal, post) = await app.OpenJournalAsync();
        var path = CommentKit.PathOf(journal, post);
        async Task<HttpResponseMessage> SendAsync(string text, string host, string origin)
        {
            var fields = CommentKit.Fields(text, "Cara", CommentKit.NewEmail());
            fields["Input.Rendered"] = app.Services.GetRequiredService<FormTimestamp>().Protect(DateTimeOffset.UtcNow.AddMinutes(-1));
            using var request = new HttpRequestMessage(HttpMethod.Post, path + "?handler=Comment") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Host = host;
            request.Headers.Add("Origin", origin);
            return await app.Visitor().SendAsync(request);
        }

        // The Host passes host filtering (it is the public host, on another port) and the Origin names the same
        // forged address: the request's own Host must not count as our origin.
        var forged = await SendAsync("Forged words", "journals.example.org:8443", "http://journals.example.org:8443");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("open too long", await forged.Content.ReadAsStringAsync());
        var honest = await SendAsync("Honest words", "journals.example.org:8443", SecurityApp.PublicUrl);
        Assert.Equal(HttpStatusCode.Redirect, honest.StatusCode);

        var texts = await app.DbAsync(db => db.Comments.Where(c => c.PostId == post.Id).Select(c => c.Text).ToListAsync());
        Assert.Equal(["Honest words"], texts);
    }

    private static List<string> LinksIn(string? html) =>
        System.Text.RegularExpressions.Regex.Matches(html ?? "", "href=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
}

public sealed class LinkPoisoningTestsOnSqlite(SecuritySqliteApp app) : LinkPoisoningTests(app), IClassFixture<SecuritySqliteApp>;
public sealed class LinkPoisoningTestsOnPostgres(SecurityPostgresApp app) : LinkPoisoningTests(app), IClassFixture<SecurityPostgresApp>;
