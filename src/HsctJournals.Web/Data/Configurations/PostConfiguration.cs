using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(p => p.Title).HasMaxLength(Post.TitleMaxLength);
        b.Property(p => p.Slug).HasMaxLength(80);
        b.Property(p => p.Excerpt).HasMaxLength(Post.ExcerptMaxLength);
        b.Property(p => p.Byline).HasMaxLength(Post.BylineMaxLength);
        b.HasIndex(p => new { p.JournalId, p.Slug }).IsUnique();
        // The journal home and feeds read "live posts of a journal, newest first".
        b.HasIndex(p => new { p.JournalId, p.Status, p.PublishedAt });
        // The announcer looks for live posts not yet announced: a small set among the nulls.
        b.HasIndex(p => p.AnnouncedAt);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Journal).WithMany(j => j.Posts).HasForeignKey(p => p.JournalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity("PostTags");
    }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> b)
    {
        b.Property(r => r.Title).HasMaxLength(Post.TitleMaxLength);
        b.HasIndex(r => new { r.PostId, r.SavedAt });
        b.HasOne(r => r.Post).WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.SavedBy).WithMany().HasForeignKey(r => r.SavedById).OnDelete(DeleteBehavior.SetNull);
    }
}
