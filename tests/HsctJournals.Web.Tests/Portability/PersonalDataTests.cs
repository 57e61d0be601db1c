using HsctJournals.Web.Shared;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using HsctJournals.Domain.Comments;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Comments;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Comments;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Treatment;
using HsctJournals.Web.Treatment;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Followers;

namespace HsctJournals.Web.Tests.Portability;

/// <summary>"Download your data": everything about the signed-in person, nothing about anyone else.</summary>
public abstract class PersonalDataTests(AppFactory app)
{
    [Fact]
    public async Task The_your_data_download_holds_account_journals_posts_comments_anywhere_follows_tokens_and_treatment_but_no_one_elses_address()
    {
        var person = await app.CreateUserAsync("Pia Person");
        var own = await app.CreateJournalAsync(person, JournalVisibility.Public, "Pia's journal");
        await app.SetPolicyAsync(own, s => s.Hold = HoldRule.Never);
        var post = await app.CreatePostAsync(own, person, "Pia on Day 0", "The bag arrived.", publishAtUtc: DateTime.UtcNow.AddDays(-1));
        await app.CreatePostAsync(own, person, "Pia's draft", status: PostStatus.Draft);
        await app.CreateCourseAsync(own, person, TreatmentSharing.OwnerOnly);
        var stranger = CommentKit.NewEmail();
        await app.AddCommentAsync(own, post, "Sam Stranger", stranger, "Sending love");

        var (other, elsewhere, otherPost) = await app.OpenJournalAsync();
        // A comment left without signing in, with the person's address (any letter case): still theirs.
        await app.AddCommentAsync(elsewhere, otherPost, "Pia (phone)", person.Email!.ToUpperInvariant(), "Written from my phone");
        await app.AddCommentAsync(elsewhere, otherPost, "Someone else", CommentKit.NewEmail(), "Not Pia's");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            db.Followers.Add(new Follower { JournalId = elsewhere.Id, Email = person.Email!.ToLowerInvariant(), TokenHash = "secret-follow-hash", CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var token = await app.TokenForAsync(person, "Pia's phone app");
        // A passkey that signed Pia in two hours ago, and the session it started.
        var credentialId = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var publicKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(77);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(person.Id))!;
            var passkey = new UserPasskeyInfo(credentialId, publicKey, DateTimeOffset.UtcNow.AddDays(-3), 0, ["internal"], true, true, true, [1, 2, 3], [4, 5, 6])
                { Name = "Pia's laptop" };
            Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
            var db = sp.GetRequiredService<JournalsDbContext>();
            db.PasskeyUses.Add(new PasskeyUse { CredentialId = credentialId, UserId = person.Id, LastUsedAt = DateTime.UtcNow.AddHours(-2) });
            db.UserSessions.Add(new UserSession
            {
                Id = new string('a', 64), UserId = person.Id, Stamp = user.SecurityStamp!, Device = "Laptop browser",
                CreatedAt = DateTime.UtcNow.AddHours(-2), LastSeenAt = DateTime.UtcNow.AddHours(-1), PasskeyId = credentialId,
            });
            await db.SaveChangesAsync();
        });

        var client = await app.SignedInClientAsync(person);
        // Identity's own "Personal data" page leads to ours.
        Assert.Equal("/account/data", (await client.GetAsync("/Identity/Account/Manage/PersonalData")).Headers.Location?.OriginalString);
        var page = await Forms.GetAsync(client, "/account/data");
        Assert.Contains($"/j/{own.Slug}/export/backup", page.Html);
        var response = await page.PostAsync(client, []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        string Read(string name) => BackupKit.Text(zip, name);

        Assert.Equal("Pia Person", (string?)JsonNode.Parse(Read("account.json"))!["displayName"]);
        var journals = JsonNode.Parse(Read("journals.json"))!.AsArray();
        var mine = Assert.Single(journals);
        Assert.Equal("owner", (string?)mine!["role"]);
        Assert.EndsWith($"/j/{own.Slug}/export/backup", (string?)mine["backupUrl"]);
        var posts = JsonNode.Parse(Read("posts.json"))!.AsArray().Select(p => (string?)p!["title"]).Order().ToList();
        Assert.Equal(["Pia on Day 0", "Pia's draft"], posts);
        var comments = JsonNode.Parse(Read("comments.json"))!.AsArray();
        Assert.Equal("Written from my phone", (string?)Assert.Single(comments)!["text"]);
        Assert.Equal(person.Email!.ToLowerInvariant(), ((string?)JsonNode.Parse(Read("follows.json"))!.AsArray().Single()!["email"])?.ToLowerInvariant());
        Assert.Equal("Pia's phone app", (string?)JsonNode.Parse(Read("tokens.json"))!.AsArray().Single()!["name"]);
        var passkey = JsonNode.Parse(Read("passkeys.json"))!.AsArray().Single()!;
        Assert.Equal("Pia's laptop", (string?)passkey["name"]);
        Assert.NotNull((string?)passkey["createdAt"]);
        Assert.NotNull((string?)passkey["lastUsedAt"]);
        Assert.Equal(["name", "createdAt", "lastUsedAt", "syncedToOtherDevices"], passkey.AsObject().Select(p => p.Key).ToArray());
        var sessions = JsonNode.Parse(Read("sessions.json"))!.AsArray();
        Assert.Contains(sessions, s => (string?)s!["device"] == "Laptop browser" && (bool)s["signedInWithPasskey"]!);
        Assert.Contains(sessions, s => !(bool)s!["signedInWithPasskey"]!); // this test's own password sign-in
        var treatment = JsonNode.Parse(Read("treatment.json"))!.AsArray().Single()!;
        Assert.Equal("RRMS", (string?)treatment["course"]!["condition"]);
        Assert.NotEmpty(treatment["course"]!["labs"]!.AsArray());

        var everything = string.Concat(zip.Entries.Select(e => Read(e.FullName)));
        Assert.DoesNotContain(stranger, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(other.Email!, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Not Pia's", everything);
        Assert.DoesNotContain("secret-follow-hash", everything);
        Assert.DoesNotContain(token, everything);
        // Never a passkey's key or its id, in any encoding.
        foreach (var secret in new[] { publicKey, credentialId })
        {
            Assert.DoesNotContain(Convert.ToBase64String(secret), everything);
            Assert.DoesNotContain(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(secret), everything);
            Assert.DoesNotContain(Convert.ToHexString(secret), everything, StringComparison.OrdinalIgnoreCase);
        }

        // The same zip through the API, with the person's token.
        var viaApi = await app.ApiClient(token).GetAsync("/api/v1/me/personal-data");
        Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);
        using var apiZip = new ZipArchive(new MemoryStream(await viaApi.Content.ReadAsByteArrayAsync()));
        Assert.Equal(zip.Entries.Select(e => e.FullName).Order(), apiZip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public async Task Nobody_downloads_data_without_signing_in()
    {
        Assert.NotEqual(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync("/api/v1/me/personal-data")).StatusCode);
        var response = await app.AnonymousClient().PostAsync("/account/data", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class PersonalDataTestsOnSqlite(SqliteApp app) : PersonalDataTests(app), IClassFixture<SqliteApp>;
public sealed class PersonalDataTestsOnPostgres(PostgresApp app) : PersonalDataTests(app), IClassFixture<PostgresApp>;
