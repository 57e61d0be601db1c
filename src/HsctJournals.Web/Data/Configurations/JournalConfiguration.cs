using HsctJournals.Web.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class JournalConfiguration : IEntityTypeConfiguration<Journal>
{
    public void Configure(EntityTypeBuilder<Journal> b)
    {
        b.Property(j => j.Slug).HasMaxLength(80);
        b.HasIndex(j => j.Slug).IsUnique();
        b.Property(j => j.Title).HasMaxLength(Journal.TitleMaxLength);
        b.Property(j => j.Tagline).HasMaxLength(Journal.TaglineMaxLength);
        b.HasIndex(j => j.Visibility);
    }
}

internal sealed class JournalMemberConfiguration : IEntityTypeConfiguration<JournalMember>
{
    public void Configure(EntityTypeBuilder<JournalMember> b)
    {
        b.HasKey(m => new { m.JournalId, m.UserId });
        b.HasIndex(m => m.UserId);
        b.HasOne(m => m.Journal).WithMany(j => j.Members).HasForeignKey(m => m.JournalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> b)
    {
        b.Property(r => r.Message).HasMaxLength(500);
        b.HasIndex(r => new { r.JournalId, r.UserId });
        b.HasOne(r => r.Journal).WithMany().HasForeignKey(r => r.JournalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(c => c.Name).HasMaxLength(Category.NameMaxLength);
        b.Property(c => c.Slug).HasMaxLength(80);
        b.HasIndex(c => new { c.JournalId, c.Slug }).IsUnique();
        b.HasOne(c => c.Journal).WithMany(j => j.Categories).HasForeignKey(c => c.JournalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
        b.Property(t => t.Slug).HasMaxLength(80);
        b.HasIndex(t => new { t.JournalId, t.Slug }).IsUnique();
        b.HasOne(t => t.Journal).WithMany().HasForeignKey(t => t.JournalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JournalInvitationConfiguration : IEntityTypeConfiguration<JournalInvitation>
{
    public void Configure(EntityTypeBuilder<JournalInvitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.JournalId);
        b.HasOne(i => i.Journal).WithMany().HasForeignKey(i => i.JournalId).OnDelete(DeleteBehavior.Cascade);
    }
}
