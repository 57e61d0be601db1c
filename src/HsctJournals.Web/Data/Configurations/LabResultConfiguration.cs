using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class LabResultConfiguration : IEntityTypeConfiguration<LabResult>
{
    public void Configure(EntityTypeBuilder<LabResult> b)
    {
        b.ToTable("LabResults");
        b.Property(l => l.OriginalUnit).HasMaxLength(40);
        b.Property(l => l.Loinc).HasMaxLength(20);
        b.Property(l => l.Ucum).HasMaxLength(20);
        b.Property(l => l.Note).HasMaxLength(300);
        b.Property(l => l.NaturalKey).HasMaxLength(200);
        // Re-importing the same rows changes nothing (issue 4): the natural key is unique per course.
        b.HasIndex(l => new { l.CourseId, l.NaturalKey }).IsUnique();
        b.HasIndex(l => new { l.CourseId, l.Date });
    }
}
