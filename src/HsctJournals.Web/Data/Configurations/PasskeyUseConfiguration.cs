using HsctJournals.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class PasskeyUseConfiguration : IEntityTypeConfiguration<PasskeyUse>
{
    public void Configure(EntityTypeBuilder<PasskeyUse> b)
    {
        b.HasKey(p => p.CredentialId);
        b.Property(p => p.CredentialId).HasMaxLength(UserSession.PasskeyIdMaxLength);
        b.HasIndex(p => p.UserId);
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
