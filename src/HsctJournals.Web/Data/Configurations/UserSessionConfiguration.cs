using HsctJournals.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.Stamp).HasMaxLength(256);
        b.Property(s => s.Device).HasMaxLength(UserSession.DeviceMaxLength);
        b.Property(s => s.PasskeyId).HasMaxLength(UserSession.PasskeyIdMaxLength);
        b.HasIndex(s => s.UserId);
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
