using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class TreatmentEventConfiguration : IEntityTypeConfiguration<TreatmentEvent>
{
    public void Configure(EntityTypeBuilder<TreatmentEvent> b)
    {
        b.ToTable("TreatmentEvents");
        b.Property(e => e.Detail).HasMaxLength(200);
        b.Property(e => e.Note).HasMaxLength(1000);
        b.Property(e => e.EnteredAs).HasMaxLength(40);
        b.HasIndex(e => new { e.CourseId, e.Date });
    }
}
