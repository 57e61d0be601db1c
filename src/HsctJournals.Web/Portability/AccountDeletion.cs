using HsctJournals.Web.Journals;

namespace HsctJournals.Web.Portability;

/// <summary>What happens to a journal whose only owner deletes their account.</summary>
public enum OwnedJournalChoice { Delete = 0, HandOver = 1 }

/// <summary>What happens to the comments a person wrote.</summary>
public enum OwnCommentsChoice
{
    /// <summary>The text stays, signed "Deleted user"; name, e-mail, website and IP hash are erased. Threads stay intact.</summary>
    KeepAsDeletedUser = 0,
    /// <summary>The comments go; one that others answered stays as an empty "removed" placeholder so their replies keep their place.</summary>
    Remove = 1,
}

/// <summary>The person's decision for one journal they alone own.</summary>
public sealed record OwnedJournalDecision(int JournalId, OwnedJournalChoice Choice, string? NewOwnerId)
{
    /// <summary>
    /// Reads the form's choice per journal (field <c>Journal-{id}</c>: "delete" or "hand:USERID") into decisions,
    /// keeping each raw value in <paramref name="chosen"/> so a failed form shows what was picked. The one
    /// reading for both deletion forms: the person's own and the site admin's (decision 0043).
    /// </summary>
    public static List<OwnedJournalDecision> FromForm(IEnumerable<OwnedJournal> journals, Func<string, string> field, IDictionary<int, string> chosen)
    {
        var decisions = new List<OwnedJournalDecision>();
        foreach (var journal in journals)
        {
            var value = field($"Journal-{journal.Id}");
            chosen[journal.Id] = value;
            if (value == "delete") decisions.Add(new OwnedJournalDecision(journal.Id, OwnedJournalChoice.Delete, null));
            else if (value.StartsWith("hand:", StringComparison.Ordinal)) decisions.Add(new OwnedJournalDecision(journal.Id, OwnedJournalChoice.HandOver, value[5..]));
        }
        return decisions;
    }
}

/// <summary>Everything the person chose on the account deletion form.</summary>
public sealed record AccountDeletionRequest(IReadOnlyList<OwnedJournalDecision> Journals, OwnCommentsChoice Comments);

/// <summary>A journal the person alone owns and who could take it over.</summary>
public sealed record OwnedJournal(int Id, string Slug, string Title, int PostCount, IReadOnlyList<Successor> CoAuthors,
    JournalVisibility Visibility = JournalVisibility.Private);

/// <summary>
/// What the journal-by-journal part of a deletion form shows (<c>_OwnedJournalChoices</c>). For the site admin a
/// journal that is not public is not named (decision 0004: admins see only what a stranger could).
/// </summary>
public sealed record OwnedJournalChoices(IReadOnlyList<OwnedJournal> Journals, IDictionary<int, string> Chosen, Func<string, string?> ErrorFor, bool ForAdmin)
{
    public string NameOf(OwnedJournal journal, int index) =>
        !ForAdmin || journal.Visibility == JournalVisibility.Public ? $"“{journal.Title}”" : $"Journal {index + 1} (not public, so not named here)";
}

/// <summary>A co-author who may be handed a journal.</summary>
public sealed record Successor(string UserId, string DisplayName);
