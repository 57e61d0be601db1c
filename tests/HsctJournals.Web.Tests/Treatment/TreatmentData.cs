using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.Extensions.DependencyInjection;
using HsctJournals.Web.Shared;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>Builds treatment courses through the app's own services, as the owner would through the forms.</summary>
public static class TreatmentData
{
    public static readonly DateOnly DayZero = new(2026, 3, 10);

    /// <summary>"2026-03-13" for Day +3.</summary>
    public static string Day(int offset) => DayZero.AddDays(offset).ToString("yyyy-MM-dd");

    /// <summary>A course with Day 0, the given sharing and a few counts (ANC engrafts on Day +9).</summary>
    public static async Task<TreatmentCourse> CreateCourseAsync(this AppFactory app, Journal journal, AppUser owner, TreatmentSharing sharing, string? csv = null) =>
        await app.WithScopeAsync(async sp =>
        {
            var access = sp.GetRequiredService<TreatmentAccess>();
            var editor = sp.GetRequiredService<CourseDetailsEditor>();
            var owned = await access.FindOwnedAsync(journal.Slug, new Reader(owner.Id, false), create: true, CancellationToken.None);
            var course = owned!.Value.Course!;
            var result = await editor.UpdateCourseAsync(course, new CourseInput { Condition = "RRMS", Centre = "Test Centre", DayZero = Day(0), Sharing = sharing }, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            var report = await sp.GetRequiredService<LabImporter>().ImportCsvAsync(course.Id, new StringReader(csv ?? EngraftingCsv()), false, CancellationToken.None);
            Assert.True(report.Errors == 0 && report.Questions == 0, report.Summary);
            return course;
        });

    /// <summary>ANC falls below 0.5 on Day +3 and is at or above it from Day +9 (exactly 0.5 that day): engrafted on Day +9.</summary>
    public static string EngraftingCsv()
    {
        var anc = new[] { 1.2m, 0.6m, 0.3m, 0.1m, 0.05m, 0.02m, 0.01m, 0.2m, 0.5m, 0.74m, 1.3m };
        var lines = new List<string> { "date,analyte,value,unit" };
        for (var day = 0; day < anc.Length; day++) lines.Add($"{Day(day + 1)},ANC,{anc[day].ToString(System.Globalization.CultureInfo.InvariantCulture)},10^9/L");
        return string.Join("\n", lines);
    }

    public static Task<string> ClinicianLinkAsync(this AppFactory app, int courseId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Web.Data.JournalsDbContext>();
        var course = await db.TreatmentCourses.FindAsync(courseId);
        return await sp.GetRequiredService<ClinicianLinkEditor>().CreateClinicianLinkAsync(course!, "Dr Test", CancellationToken.None);
    });
}
