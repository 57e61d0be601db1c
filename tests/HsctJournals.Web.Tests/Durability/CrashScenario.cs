using System.Net;
using HsctJournals.Web.Tests.Infrastructure;

namespace HsctJournals.Web.Tests.Durability;

/// <summary>The steps the crash tests share: signing in as the admin and publishing a post through the real forms.</summary>
internal static class CrashScenario
{
    /// <summary>Signs in, creates a public journal titled <paramref name="journalTitle"/> and publishes a post in it; returns the post's path.</summary>
    public static async Task<string> PublishPostAsync(HttpClient client, string journalTitle, string title, string markdown)
    {
        var login = await Forms.GetAsync(client, "/Identity/Account/Login");
        var signedIn = await login.PostAsync(client, new() { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var newJournal = await Forms.GetAsync(client, "/journals/new");
        var created = await newJournal.PostAsync(client, new() { ["Input.Title"] = journalTitle, ["Input.Visibility"] = "Public" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var write = await Forms.GetAsync(client, $"{created.Headers.Location!.OriginalString.TrimEnd('/')}/write");
        var saved = await write.PostAsync(client, new() { ["Input.Title"] = title, ["Input.Markdown"] = markdown, ["Input.Status"] = "Published" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return saved.Headers.Location!.OriginalString;
    }
}
