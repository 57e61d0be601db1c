using HsctJournals.Web.Journals;
using HsctJournals.Web.Portability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.RequestedById).HasMaxLength(450);
        b.Property(j => j.FileName).HasMaxLength(260);
        b.Property(j => j.StoredPath).HasMaxLength(1000);
        // What the person typed, checked against the journal rules before the job is queued.
        b.Property(j => j.RestoreTitle).HasMaxLength(Journals.Journal.TitleMaxLength);
        b.Property(j => j.RestoreSlug).HasMaxLength(80);
        b.HasIndex(j => new { j.Status, j.CreatedAt });
        b.HasIndex(j => j.JournalId);
        b.HasOne(j => j.Journal).WithMany().HasForeignKey(j => j.JournalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportedItemConfiguration : IEntityTypeConfiguration<ImportedItem>
{
    public void Configure(EntityTypeBuilder<ImportedItem> b)
    {
        b.Property(i => i.SourceSite).HasMaxLength(300);
        b.HasIndex(i => new { i.JournalId, i.SourceSite, i.Kind, i.SourceId }).IsUnique();
        b.HasOne<Journal>().WithMany().HasForeignKey(i => i.JournalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LegacyPermalinkConfiguration : IEntityTypeConfiguration<LegacyPermalink>
{
    public void Configure(EntityTypeBuilder<LegacyPermalink> b)
    {
        b.Property(l => l.Host).HasMaxLength(255);
        b.Property(l => l.Path).HasMaxLength(400);
        // An old request is answered by path first, then by host when two journals claim it.
        b.HasIndex(l => new { l.Path, l.Host });
        b.HasIndex(l => l.PostId);
        b.HasOne<Journal>().WithMany().HasForeignKey(l => l.JournalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Post>().WithMany().HasForeignKey(l => l.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RetiredSlugConfiguration : IEntityTypeConfiguration<RetiredSlug>
{
    public void Configure(EntityTypeBuilder<RetiredSlug> b)
    {
        b.HasKey(s => s.Slug);
        b.Property(s => s.Slug).HasMaxLength(80);
    }
}
