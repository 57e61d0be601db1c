using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class TreatmentCourseConfiguration : IEntityTypeConfiguration<TreatmentCourse>
{
    public void Configure(EntityTypeBuilder<TreatmentCourse> b)
    {
        b.Property(c => c.Condition).HasMaxLength(80);
        b.Property(c => c.Centre).HasMaxLength(120);
        b.Property(c => c.Country).HasMaxLength(80);
        b.Property(c => c.Protocol).HasMaxLength(120);
        b.HasIndex(c => c.JournalId);
        b.HasOne(c => c.Journal).WithMany().HasForeignKey(c => c.JournalId).OnDelete(DeleteBehavior.Cascade);
    }
}
