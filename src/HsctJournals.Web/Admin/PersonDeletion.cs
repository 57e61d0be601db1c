using System.Security.Claims;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Portability;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Identity;

namespace HsctJournals.Web.Admin;

/// <summary>
/// The site admin deletes someone's account (issue 8, build 3). It is the same deletion as the person's own
/// (<see cref="AccountDeleter"/>: their journals deleted or handed to a co-author as chosen, posts that stay
/// signed "Deleted user", comments kept anonymous or removed), with the admin's confirmation, an audit entry and a
/// message to the person saved in the same transaction. An admin cannot delete their own account here (they use
/// "Delete your account" like anyone), and the site's only admin cannot be deleted at all (decision 0043).
/// </summary>
public sealed class PersonDeletion(UserManager<AppUser> users, AccountDeleter deleter, AdminAudit audit, AccountMail mail,
    Notifications.OutboxSignal signal)
{
    /// <summary>The account, or null when it does not exist (any more).</summary>
    public async Task<AppUser?> FindAsync(string? userId) => string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);

    /// <summary>Why this admin may not delete this account here, or null.</summary>
    public static string? Refusal(ClaimsPrincipal admin, AppUser user) =>
        user.Id == admin.FindFirstValue(ClaimTypes.NameIdentifier)
            ? "You cannot delete your own account here. Use “Delete your account” on your data page, like anyone else."
            : null;

    /// <summary>
    /// Deletes after checking the confirmation: the admin types the person's e-mail address. Errors are keyed like
    /// the form's fields (<c>ConfirmEmail</c>, <c>Journal-{id}</c>, or "" for the whole form).
    /// </summary>
    public async Task<EditResult<AppUser>> DeleteAsync(ClaimsPrincipal admin, AppUser user, AccountDeletionRequest request, string? confirmEmail,
        IReadOnlyList<OwnedJournal> soleOwned, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (Refusal(admin, user) is { } refusal) errors.Add("", refusal);
        if (!string.Equals(confirmEmail?.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
            errors.Add("ConfirmEmail", "Type the person's e-mail address exactly, to confirm which account goes.");
        // The admin's own wording: the use case's messages name the journal, which the admin may not see.
        foreach (var journal in soleOwned.Where(j => request.Journals.All(d => d.JournalId != j.Id)))
            errors.Add($"Journal-{journal.Id}", "Choose what happens to this journal.");
        if (errors.Any) return errors.Fail<AppUser>();

        var name = user.DisplayName;
        var email = user.Email;
        var result = await deleter.DeleteAsync(user, request, ct, async inTransaction =>
        {
            await audit.RecordAsync(admin, "Account deleted", name, inTransaction);
            if (email is not null)
            {
                await mail.QueueAsync(email, "Your account was deleted", (b, site) => b
                    .Paragraph($"The administrator of {site} deleted your account, {name}, with everything that belonged to it only.")
                    .Paragraph("If you think this was a mistake, contact the site's administrator. A deleted account cannot be restored, " +
                               "but you may create a new one if the site takes new accounts."), inTransaction);
            }
        });
        if (result.Succeeded)
        {
            signal.Notify(); // the message was committed with the deletion; wake the sender now
            return result;
        }
        var remapped = new FieldErrors();
        foreach (var (field, messages) in result.Errors)
            foreach (var message in messages)
                remapped.Add(field, field.StartsWith("Journal-", StringComparison.Ordinal) ? "Choose one of the choices shown for this journal." : message);
        return remapped.Fail<AppUser>();
    }
}
