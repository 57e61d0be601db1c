using HsctJournals.Web.Notifications;

namespace HsctJournals.Web.Followers;

/// <summary>What the follow form shows: the journal it posts to, what was typed, and the error for the address.</summary>
public sealed record FollowFields(string JournalSlug, string? Email, FollowFrequency Frequency, string? EmailError, string IdPrefix = "follow");
