using System.Text.RegularExpressions;

namespace HsctJournals.Web.Tests.Infrastructure;

/// <summary>
/// Fetches a page with a form and posts it back with its antiforgery token, as a browser would. Anonymous forms on
/// shared (cached) pages carry no token (FormGuard); they are posted back without one.
/// </summary>
public sealed partial class Forms
{
    public string Url { get; }
    public string Html { get; }
    public string? Token { get; }

    private Forms(string url, string html, string? token) => (Url, Html, Token) = (url, html, token);

    public static async Task<Forms> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        var match = TokenPattern().Match(html);
        return new Forms(url, html, match.Success ? match.Groups[1].Value : null);
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, string? url = null)
    {
        if (Token is not null) fields["__RequestVerificationToken"] = Token;
        return client.PostAsync(url ?? Url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
