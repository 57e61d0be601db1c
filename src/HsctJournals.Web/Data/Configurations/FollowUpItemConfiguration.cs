using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class FollowUpItemConfiguration : IEntityTypeConfiguration<FollowUpItem>
{
    public void Configure(EntityTypeBuilder<FollowUpItem> b)
    {
        b.ToTable("FollowUpItems");
        b.Property(f => f.Title).HasMaxLength(200);
        b.Property(f => f.Note).HasMaxLength(500);
        b.Property(f => f.Uid).HasMaxLength(80);
    }
}
