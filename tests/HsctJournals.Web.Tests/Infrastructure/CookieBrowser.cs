using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// A browser for session tests: a client with its own cookie jar and User-Agent, whose cookies can be copied
/// and replayed elsewhere the way an attacker would replay a stolen cookie.
/// </summary>
public sealed class CookieBrowser
{
    private readonly CookieContainerHandler _jar;
    public HttpClient Client { get; }

    public CookieBrowser(AppFactory app, string userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
    {
        _jar = new CookieContainerHandler { InnerHandler = app.Server.CreateHandler() };
        Client = new HttpClient(_jar) { BaseAddress = new Uri("http://localhost") };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
    }

    /// <summary>The Cookie header this browser would send.</summary>
    public string Cookies => _jar.Container.GetCookieHeader(new Uri("http://localhost/"));

    /// <summary>Posts the sign-in form; returns where it redirected to (null when it did not redirect).</summary>
    public async Task<string?> SignInAsync(string email, string password)
    {
        var form = await Forms.GetAsync(Client, "/Identity/Account/Login");
        var response = await form.PostAsync(Client, new() { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.RememberMe"] = "true" });
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.OriginalString : null;
    }

    /// <summary>Sends a copied Cookie header from a client that keeps no cookies of its own.</summary>
    public static async Task<HttpStatusCode> ReplayAsync(AppFactory app, string cookies, string path)
    {
        using var client = new HttpClient(app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return (await client.SendAsync(request)).StatusCode;
    }
}
