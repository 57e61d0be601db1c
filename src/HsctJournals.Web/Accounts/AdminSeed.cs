using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>Creates the site-admin role and the configured admin account on start-up.</summary>
public static class AdminSeed
{
    public static async Task EnsureAdminAsync(IServiceProvider services, ILogger log)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.SiteAdmin))
            await roles.CreateAsync(new IdentityRole(Roles.SiteAdmin));

        var users = services.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.SiteAdmin)).Count > 0) return;

        var options = services.GetRequiredService<IOptions<AdminOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var email = options.Email;
        var password = options.Password;
        var generated = false;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if (!environment.IsDevelopment())
            {
                log.LogWarning("No site admin exists and Admin:Email / Admin:Password are not set; none was created.");
                return;
            }
            email = string.IsNullOrWhiteSpace(email) ? "admin@localhost" : email;
            password = GeneratePassword();
            generated = true;
        }

        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Site admin", CreatedAt = DateTime.UtcNow };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the site admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.SiteAdmin);

        if (generated)
        {
            // Printed once, to the console only, never to the structured log sinks.
            Console.WriteLine($"Site admin created: {email} / {password}  (shown once; set Admin:Email and Admin:Password to choose your own)");
        }
    }

    private static string GeneratePassword() =>
        "Hj-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "1a";
}
