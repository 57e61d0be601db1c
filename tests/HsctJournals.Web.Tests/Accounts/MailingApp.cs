using System.Net;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HsctJournals.Web.Tests.Accounts;

/// <summary>The real app sending its mail over SMTP to a <see cref="TestSmtpServer"/> owned by the fixture.</summary>
public abstract class MailingApp(ITestDatabase database) : AppFactory(database)
{
    public TestSmtpServer Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Mail.AppSettings) builder.UseSetting(key, value);
    }

    /// <summary>
    /// Registers through the real form as a person would (issue 8, fix 5): the form ends on "check your e-mail",
    /// the confirmation link comes by SMTP, its button confirms, and then the person signs in. Returns the
    /// sign-in's answer (a redirect to <paramref name="returnUrl"/>).
    /// </summary>
    public async Task<HttpResponseMessage> RegisterConfirmAndSignInAsync(HttpClient client, string displayName, string email, string? returnUrl = null)
    {
        var query = returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var register = await Forms.GetAsync(client, "/Identity/Account/Register" + query);
        var registered = await register.PostAsync(client, new()
        {
            ["Input.DisplayName"] = displayName, ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        }, "/Identity/Account/Register" + query);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/Identity/Account/RegisterConfirmation", registered.Headers.Location!.OriginalString);

        var link = Html.LinkIn(await Mail.WaitForAsync(email, "Confirm"), "/Identity/Account/ConfirmEmail");
        var confirm = await Forms.GetAsync(client, link);
        var confirmed = await confirm.PostAsync(client, []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var signIn = await Forms.GetAsync(client, confirmed.Headers.Location!.OriginalString);
        Assert.Contains("Your e-mail address is confirmed.", signIn.Html);
        return await signIn.PostAsync(client, new() { ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.RememberMe"] = "false" });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Mail.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

public sealed class MailingSqliteApp() : MailingApp(new SqliteTestDatabase());
public sealed class MailingPostgresApp() : MailingApp(new PostgresTestDatabase());
