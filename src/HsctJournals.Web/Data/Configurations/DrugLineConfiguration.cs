using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class DrugLineConfiguration : IEntityTypeConfiguration<DrugLine>
{
    public void Configure(EntityTypeBuilder<DrugLine> b)
    {
        b.ToTable("DrugLines");
        b.Property(d => d.GenericName).HasMaxLength(120);
        b.Property(d => d.Brand).HasMaxLength(120);
        b.Property(d => d.Unit).HasMaxLength(40);
        b.Property(d => d.Route).HasMaxLength(40);
    }
}
