using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HsctJournals.Web.Data.Configurations;

internal sealed class TreatmentCourseConfiguration : IEntityTypeConfiguration<TreatmentCourse>
{
    public void Configure(EntityTypeBuilder<TreatmentCourse> b)
    {
        b.Property(c => c.Condition).HasMaxLength(80);
        b.Property(c => c.Centre).HasMaxLength(120);
        b.Property(c => c.Country).HasMaxLength(80);
        b.Property(c => c.Protocol).HasMaxLength(120);
        // Existing courses count from day 1; the sentinel lets an explicit 0 ("day 0 of the protocol") be stored.
        b.Property(c => c.ProtocolFirstDay).HasDefaultValue(1).HasSentinel(int.MinValue);
        b.Property(c => c.CalendarTokenHash).HasMaxLength(64);
        b.HasIndex(c => c.CalendarTokenHash).IsUnique();
        b.HasIndex(c => c.JournalId);
        b.HasOne(c => c.Journal).WithMany().HasForeignKey(c => c.JournalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Drugs).WithOne().HasForeignKey(d => d.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.PriorTherapies).WithOne().HasForeignKey(d => d.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Phases).WithOne().HasForeignKey(d => d.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Labs).WithOne().HasForeignKey(d => d.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(d => d.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.FollowUps).WithOne().HasForeignKey(d => d.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.ClinicianLinks).WithOne(l => l.Course).HasForeignKey(d => d.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}
