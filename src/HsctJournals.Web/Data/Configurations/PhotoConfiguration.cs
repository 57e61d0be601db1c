using HsctJournals.Domain.Photos;
using HsctJournals.Web.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> b)
    {
        b.Property(p => p.OriginalHash).HasMaxLength(64);
        b.Property(p => p.OriginalContentType).HasMaxLength(40);
        b.Property(p => p.FileName).HasMaxLength(PhotoText.FileNameMaxLength);
        b.Property(p => p.AltText).HasMaxLength(PhotoText.AltTextMaxLength);
        b.Property(p => p.Caption).HasMaxLength(PhotoText.CaptionMaxLength);
        // A journal holds each original once; concurrent uploads of one file meet here.
        b.HasIndex(p => new { p.JournalId, p.OriginalHash }).IsUnique();
        b.HasIndex(p => p.OriginalHash);
        b.HasOne(p => p.Journal).WithMany().HasForeignKey(p => p.JournalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.UploadedBy).WithMany().HasForeignKey(p => p.UploadedById).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(p => p.StoredBytes);
    }
}

internal sealed class PhotoVariantConfiguration : IEntityTypeConfiguration<PhotoVariant>
{
    public void Configure(EntityTypeBuilder<PhotoVariant> b)
    {
        b.Property(v => v.Hash).HasMaxLength(64);
        // Serving looks a variant up by the hash in its URL.
        b.HasIndex(v => v.Hash);
        b.HasIndex(v => new { v.PhotoId, v.Format, v.Width }).IsUnique();
        b.HasOne(v => v.Photo).WithMany(p => p.Variants).HasForeignKey(v => v.PhotoId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PhotoUsageConfiguration : IEntityTypeConfiguration<PhotoUsage>
{
    public void Configure(EntityTypeBuilder<PhotoUsage> b)
    {
        b.HasKey(u => new { u.PhotoId, u.PostId });
        b.HasIndex(u => u.PostId);
        b.HasOne(u => u.Photo).WithMany().HasForeignKey(u => u.PhotoId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(u => u.Post).WithMany().HasForeignKey(u => u.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PhotoBlobConfiguration : IEntityTypeConfiguration<PhotoBlob>
{
    public void Configure(EntityTypeBuilder<PhotoBlob> b)
    {
        b.HasKey(x => x.Hash);
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}

internal sealed class PhotoBlobChunkConfiguration : IEntityTypeConfiguration<PhotoBlobChunk>
{
    public void Configure(EntityTypeBuilder<PhotoBlobChunk> b)
    {
        b.HasKey(c => new { c.BlobHash, c.Index });
        b.Property(c => c.BlobHash).HasMaxLength(64);
        b.HasOne<PhotoBlob>().WithMany().HasForeignKey(c => c.BlobHash).OnDelete(DeleteBehavior.Cascade);
    }
}
