using HsctJournals.Web.Notifications;

namespace HsctJournals.Web.Followers;

/// <summary>Payload of <see cref="Outbox.PostToFollowers"/>: the post that went live.</summary>
public sealed record PostMessage(int PostId);

/// <summary>Payload of <see cref="Outbox.ConfirmFollow"/>: the secret for the confirmation link (only its hash is on the follower).</summary>
public sealed record FollowConfirmMessage(string Secret);

/// <summary>Payload of <see cref="Outbox.Digest"/>: one follower's posts that went live in (<paramref name="FromUtc"/>, <paramref name="ToUtc"/>].</summary>
public sealed record DigestMessage(int FollowerId, DateTime FromUtc, DateTime ToUtc);
