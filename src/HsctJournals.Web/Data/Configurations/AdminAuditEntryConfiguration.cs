using HsctJournals.Web.Accounts;
using HsctJournals.Web.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class AdminAuditEntryConfiguration : IEntityTypeConfiguration<AdminAuditEntry>
{
    public void Configure(EntityTypeBuilder<AdminAuditEntry> b)
    {
        b.Property(e => e.AdminName).HasMaxLength(AppUser.DisplayNameMaxLength);
        b.Property(e => e.Action).HasMaxLength(AdminAuditEntry.ActionMaxLength);
        b.Property(e => e.Detail).HasMaxLength(AdminAuditEntry.DetailMaxLength);
        b.HasIndex(e => e.At);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.AdminId).OnDelete(DeleteBehavior.SetNull);
    }
}
