namespace HsctJournals.Domain.Comments;

/// <summary>Who may write a comment on a journal's posts.</summary>
public enum CommentPermission
{
    /// <summary>Any visitor who gives a name and an e-mail address.</summary>
    Anyone,

    /// <summary>Only visitors signed in to an account.</summary>
    SignedInUsers,

    /// <summary>Only the journal's approved readers (and its owners and moderators).</summary>
    ApprovedReaders,

    /// <summary>Comments are turned off for the whole journal.</summary>
    Nobody,
}
