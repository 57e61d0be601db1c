using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Accounts;

/// <summary>
/// Where a signed-in person sees the browsers signed in as them and ends the ones they do not recognise
/// (a phone left at the hospital, a shared computer). Ending a session is a POST with antiforgery.
/// </summary>
[Authorize]
public sealed class SessionsModel(UserSessions sessions, JournalsDbContext db) : PageModel
{
    public List<UserSession> Sessions { get; private set; } = [];
    public string? CurrentId { get; private set; }
    public int Ended { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    private string UserId => Reader.From(User).UserId!;

    public async Task OnGetAsync(int ended, CancellationToken ct)
    {
        Ended = Math.Max(0, ended);
        CurrentId = UserSessions.IdOf(User);
        Sessions = await sessions.ListAsync(UserId, ct);
        Zone = await UserTimeZone.FindAsync(db, UserId, ct);
    }

    public async Task<IActionResult> OnPostEndAsync(string? id, CancellationToken ct)
    {
        // Ending the session you are using is signing out, which has its own button.
        if (string.IsNullOrEmpty(id) || id == UserSessions.IdOf(User)) return Redirect("/account/sessions");
        var ended = await sessions.EndAsync(UserId, id, ct);
        return Redirect($"/account/sessions?ended={(ended ? 1 : 0)}");
    }

    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct)
    {
        var ended = await sessions.EndOthersAsync(UserId, UserSessions.IdOf(User), ct);
        return Redirect($"/account/sessions?ended={ended}");
    }

    public string Local(DateTime utc) => UserTimeZone.Local(utc, Zone);
}
