using HsctJournals.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;
using HsctJournals.Web.Shared;

using HsctJournals.Web.Notifications;
namespace HsctJournals.Web.Accounts;

public static class AccountsExtensions
{
    /// <summary>ASP.NET Core Identity with its default UI, lockout, e-mail confirmation, the SMTP sender and journal membership.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Host) || o.Port is > 0 and < 65536, "Smtp:Port must be between 1 and 65535.")
            .ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Email) == string.IsNullOrWhiteSpace(o.Password),
                "Set both Admin:Email and Admin:Password, or neither.")
            .ValidateOnStart();

        services.AddDefaultIdentity<AppUser>(o =>
            {
                // Registration ends on "check your e-mail" whether or not the address was free (issue 8, fix 5), so an
                // account is used only by whoever can read its mail: nobody can squat an address they do not own.
                o.SignIn.RequireConfirmedAccount = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                // Length over composition rules (NIST SP 800-63B): a long passphrase is easier to type with a tremor.
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                // Passwords are never checked with lockoutOnFailure (AccountThrottle slows guessing instead, decision 0025);
                // this lockout counts only wrong second-factor codes, tried by someone who already has the password.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // Schema version 3 adds the passkeys table (AspNetUserPasskeys); decision 0026.
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<JournalsDbContext>()
            .AddSignInManager<SessionSignInManager>();

        // Passkeys are bound to the site's own domain from Site:BaseUrl, never to the Host a request names, and are
        // discoverable, so "Sign in with a passkey" needs no address typed first (decision 0026).
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<SiteOptions>>((o, site) =>
        {
            if (Uri.TryCreate(site.Value.BaseUrl, UriKind.Absolute, out var baseUrl)) o.ServerDomain = baseUrl.Host;
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "required";
        });
        services.AddScoped<Passkeys>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = UserSessions.ValidatePrincipalAsync;
        });
        services.AddScoped<UserSessions>();
        services.AddScoped<SignedInPerson>();
        services.AddOptions<LoginLimitOptions>().BindConfiguration(LoginLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginRateLimit>();
        services.AddSingleton<AccountThrottle>();
        services.AddTransient<IEmailSender, SmtpEmailSender>();
        services.AddScoped<AccountMail>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<JournalMembership>();
        services.AddScoped<AccessRequests>();
        services.AddScoped<Invitations>();
        services.AddScoped<RegistrationPolicy>();
        services.AddScoped<RegistrationGate>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.AddAreaPageApplicationModelConvention(
            "Identity", "/Account/Register", m => m.Filters.Add(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(RegistrationGate)))));
        return services;
    }
}
