using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class PhaseRecordConfiguration : IEntityTypeConfiguration<PhaseRecord>
{
    public void Configure(EntityTypeBuilder<PhaseRecord> b)
    {
        b.ToTable("TreatmentPhases");
        b.Property(p => p.Note).HasMaxLength(300);
        b.Ignore(p => p.EffectiveDate);
    }
}
