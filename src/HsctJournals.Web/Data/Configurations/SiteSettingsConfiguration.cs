using HsctJournals.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Name).HasMaxLength(SiteSettings.NameMaxLength);
        b.Property(s => s.Description).HasMaxLength(SiteSettings.DescriptionMaxLength);
        // The one row exists from the first migration on, so saving is always an update (two admins saving
        // at once never race to insert it).
        b.HasData(new SiteSettings { UpdatedAt = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc) });
    }
}
