using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Shared;

/// <summary>
/// The site's public address and what follows from it: the hosts a request may name (derived from
/// <c>Site:BaseUrl</c>), which reverse proxies may tell us the client's address and scheme, and
/// Secure cookies on an https site. See decision 0013.
/// </summary>
public static class SiteHosting
{
    public const string ForwardedSection = "ForwardedHeaders";

    /// <summary>Binds and validates <see cref="SiteOptions"/> and <see cref="ProxyOptions"/> at start-up; derives AllowedHosts.</summary>
    public static IServiceCollection AddSiteHosting(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section)
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                if (string.IsNullOrWhiteSpace(o.BaseUrl) && env.IsDevelopment()) o.BaseUrl = SiteOptions.DevelopmentBaseUrl;
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.BaseUrl),
                "Site:BaseUrl is required: set it to the site's public address, e.g. https://journals.example.org. Every link in e-mail comes from it.")
            .Validate(o => string.IsNullOrWhiteSpace(o.BaseUrl) || o.IsValid(),
                "Site:BaseUrl must be an absolute http(s) address such as https://journals.example.org, and Site:ExtraHosts host names.")
            .ValidateOnStart();

        services.AddOptions<ProxyOptions>().BindConfiguration(ForwardedSection)
            .Validate(o => o.Problem() is null, "ForwardedHeaders: KnownProxies must be IP addresses and KnownNetworks CIDR ranges such as 10.0.0.0/8.")
            .ValidateOnStart();

        // AllowedHosts comes from the site's address, not from configuration's "*": a request for another
        // host is refused before any page can see its Host header.
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<SiteOptions>>((o, site) =>
        {
            if (!site.Value.IsValid()) return;
            o.AllowedHosts = site.Value.AllowedHosts().ToList();
            o.AllowEmptyHosts = false;
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies the operator named: the framework's default trusts loopback, which a
            // proxy-less site on one machine does not want either.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxies.Value.Proxies()) o.KnownProxies.Add(address);
            foreach (var network in proxies.Value.Networks()) o.KnownIPNetworks.Add(network);
        });

        services.AddOptions<CookieAuthenticationOptions>(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
            .PostConfigure<IOptions<SiteOptions>>((o, site) =>
            {
                if (site.Value.IsHttps) o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        return services;
    }

    /// <summary>The site's address for code that has only the request (minimal API handlers, views).</summary>
    public static SiteOptions Site(this HttpContext http) => http.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value;

    /// <summary>Honours X-Forwarded-For/-Proto from the configured proxies only (nothing when none is configured).</summary>
    public static WebApplication UseSiteHosting(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
        if (proxies.Proxies().Any() || proxies.Networks().Any()) app.UseForwardedHeaders();
        return app;
    }
}

/// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed.</summary>
public sealed class ProxyOptions
{
    /// <summary>IP addresses of trusted proxies, e.g. <c>127.0.0.1</c> for nginx on the same machine.</summary>
    public string[] KnownProxies { get; set; } = [];
    /// <summary>CIDR ranges of trusted proxies, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var a) ? a : null).OfType<IPAddress>();
    public IEnumerable<System.Net.IPNetwork> Networks() =>
        KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var net) ? (System.Net.IPNetwork?)net : null).OfType<System.Net.IPNetwork>();

    /// <summary>The first entry that does not parse, or null.</summary>
    public string? Problem() =>
        KnownProxies.FirstOrDefault(p => !IPAddress.TryParse(p.Trim(), out _))
        ?? KnownNetworks.FirstOrDefault(n => !System.Net.IPNetwork.TryParse(n.Trim(), out _));
}
