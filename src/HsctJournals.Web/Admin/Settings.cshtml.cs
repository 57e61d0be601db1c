using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace HsctJournals.Web.Admin;

/// <summary>Registration, front-page listing, the site's name and description.</summary>
public sealed class SettingsModel(SiteSettingsStore site, SiteSettingsEditor editor) : AdminPageModel
{
    [BindProperty] public SiteSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input = SiteSettingsInput.From(await site.GetAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The use case answers bad values with a sentence (a choice that did not bind reaches it as null), so
        // binding's messages would only repeat them; the entries stay, so the fields show what was sent.
        foreach (var field in new[] { nameof(Input.Registration), nameof(Input.NewJournals) })
            ModelState.Rephrase($"{nameof(Input)}.{field}", null);
        var result = await editor.SaveAsync(User, Input, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        Notice = "The settings are saved. Every page shows them from now on.";
        return Redirect("/admin/settings");
    }
}
