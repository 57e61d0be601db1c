namespace HsctJournals.Web.Treatment;

/// <summary>Who may see a course's treatment data besides its owner (domain/hsct.md §11). <see cref="TreatmentAccess"/> applies it.</summary>
public enum TreatmentSharing
{
    /// <summary>Only the journal's owner (the default, even for a public journal).</summary>
    OwnerOnly = 0,
    /// <summary>Everyone who may read the journal.</summary>
    JournalReaders = 1,
    /// <summary>Members of the journal (approved readers, moderators, co-authors) who may read it.</summary>
    ApprovedReadersOnly = 2,
}
