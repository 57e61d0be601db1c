using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class ClinicianLinkConfiguration : IEntityTypeConfiguration<ClinicianLink>
{
    public void Configure(EntityTypeBuilder<ClinicianLink> b)
    {
        b.ToTable("ClinicianLinks");
        b.Property(l => l.Label).HasMaxLength(120);
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasMany(l => l.Accesses).WithOne().HasForeignKey(a => a.LinkId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.CourseId);
    }
}
