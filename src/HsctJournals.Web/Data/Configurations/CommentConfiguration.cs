using HsctJournals.Web.Comments;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using HsctJournals.Web.Followers;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.Property(c => c.AuthorName).HasMaxLength(Comment.NameMaxLength);
        b.Property(c => c.AuthorEmail).HasMaxLength(Comment.EmailMaxLength);
        b.Property(c => c.AuthorWebsite).HasMaxLength(Comment.WebsiteMaxLength);
        b.Property(c => c.Text).HasMaxLength(Domain.Comments.CommentText.MaxLength + 1000);
        b.Property(c => c.ModerationNote).HasMaxLength(300);
        b.Property(c => c.IpHash).HasMaxLength(64);
        b.Property(c => c.AuthorTokenHash).HasMaxLength(64);
        // A post's thread is read in one query: by post, status.
        b.HasIndex(c => new { c.PostId, c.Status, c.CreatedAt });
        b.HasIndex(c => new { c.AuthorEmail, c.CreatedAt });
        b.HasIndex(c => new { c.IpHash, c.CreatedAt });
        // A commenter's own comments, by their cookie's secret: asked before a page is served from the shared cache.
        b.HasIndex(c => c.AuthorTokenHash);
        // A signed-in reader's own comments under one post (CommentThreads' "has own shown" check on every uncached post
        // page): by person and post, so SQLite without statistics does not walk all of a prolific person's comments by
        // person alone (decision 0058), and then by status and time, so a person with thousands of their own comments
        // under the post is not walked through all of them either: held ones and still-editable ones are each a seek
        // (decision 0062). It also serves the foreign key, so the index on UserId alone goes.
        b.HasIndex(c => new { c.UserId, c.PostId, c.Status, c.CreatedAt });
        b.HasOne(c => c.Post).WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Type).HasMaxLength(40);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

internal sealed class FollowerConfiguration : IEntityTypeConfiguration<Follower>
{
    public void Configure(EntityTypeBuilder<Follower> b)
    {
        b.Property(f => f.Email).HasMaxLength(EmailAddresses.MaxLength);
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => new { f.JournalId, f.Email }).IsUnique();
        b.HasOne(f => f.Journal).WithMany().HasForeignKey(f => f.JournalId).OnDelete(DeleteBehavior.Cascade);
    }
}
