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
public sealed record OwnedJournalDecision(int JournalId, OwnedJournalChoice Choice, string? NewOwnerId);

/// <summary>Everything the person chose on the account deletion form.</summary>
public sealed record AccountDeletionRequest(IReadOnlyList<OwnedJournalDecision> Journals, OwnCommentsChoice Comments);

/// <summary>A journal the person alone owns and who could take it over.</summary>
public sealed record OwnedJournal(int Id, string Slug, string Title, int PostCount, IReadOnlyList<Successor> CoAuthors);

/// <summary>A co-author who may be handed a journal.</summary>
public sealed record Successor(string UserId, string DisplayName);
