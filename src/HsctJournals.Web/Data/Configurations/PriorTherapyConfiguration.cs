using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class PriorTherapyConfiguration : IEntityTypeConfiguration<PriorTherapy>
{
    public void Configure(EntityTypeBuilder<PriorTherapy> b)
    {
        b.ToTable("PriorTherapies");
        b.Property(d => d.GenericName).HasMaxLength(120);
        b.Property(d => d.Brand).HasMaxLength(120);
        b.Property(d => d.ReasonStopped).HasMaxLength(300);
    }
}
