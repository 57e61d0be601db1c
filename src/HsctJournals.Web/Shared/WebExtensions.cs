using HsctJournals.Web.Caching;
using Microsoft.AspNetCore.Http.Features;

namespace HsctJournals.Web.Shared;

public static class WebExtensions
{
    /// <summary>Largest request body accepted. Bigger than any valid post so an over-long one gets a form message, not a dropped connection.</summary>
    public const long MaxRequestBytes = 12 * 1024 * 1024;

    /// <summary>Razor Pages from the feature folders, error handling, Markdown rendering, request limits.</summary>
    public static IServiceCollection AddSharedWeb(this IServiceCollection services)
    {
        services.AddSiteHosting();
        services.AddInputCleaning();
        services.AddRazorPages(o =>
        {
            // Pages live in feature folders (Journals/, Accounts/ …) and declare absolute routes.
            o.RootDirectory = "/";
        }).AddMvcOptions(o =>
        {
            o.Filters.Add(new UnknownHandlerFilter());
            // Forms validate in their use cases, not through annotations. Without this, a page with several forms
            // (one [BindProperty] each) reports "The X field is required." for every form that was not posted,
            // which is why pages used to clear ModelState and lose real binding errors with it.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        }).AddViewOptions(o =>
        {
            // Validation runs on the server (forms work without JavaScript); no client script reads data-val-*.
            o.HtmlHelperOptions.ClientValidationEnabled = false;
        });
        services.AddProblemDetails();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<FirstResponseGate>();
        services.AddSingleton<FormGuard>();
        services.AddScoped<SiteSettingsStore>();
        services.AddSingleton<SiteSettingsMemo>();
        services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = (int)MaxRequestBytes;
            o.MultipartBodyLengthLimit = MaxRequestBytes;
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBytes);
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        return services;
    }

    /// <summary>Friendly error pages for people, ProblemDetails for the API, security headers, static files, sign-in.</summary>
    public static WebApplication UseSharedWeb(this WebApplication app)
    {
        app.UseFirstResponseGate();
        app.UseSiteHosting();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        // After routing: it needs the endpoint to know which pages stream their uploads (MultipartReadByPageAttribute).
        app.UseInputCleaning();
        // Before sign-in: a cached page for an anonymous reader costs no cookie decryption (Caching/AnonymousRequest).
        app.UsePageCaching();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
