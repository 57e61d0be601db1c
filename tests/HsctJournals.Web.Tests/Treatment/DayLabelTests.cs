using System.Net;
using HsctJournals.Web.Caching;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// Bylines' treatment-day labels (domain/hsct.md §2): counted from the current course's Day 0 on the owner's calendar,
/// the same on the post page, the journal's home and a category's list and the API, and gone once the journal stops showing them
/// or a newer course has no Day 0 yet.
/// </summary>
public abstract class DayLabelTests(AppFactory app)
{
    [Fact]
    public async Task A_byline_counts_days_from_the_current_courses_day_zero_on_the_owners_calendar()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly);
        // Noon UTC on Day +2 is already 01:00 the next day in Auckland (UTC+13 in March): the owner's Day +3.
        var post = await app.CreatePostAsync(journal, owner, "A late night", category: "Diary", publishAtUtc: TreatmentData.DayZero.AddDays(2).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        await ChangeAsync(journal, db => db.Users.Where(u => u.Id == owner.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, "Pacific/Auckland")));

        var anonymous = app.AnonymousClient();
        var api = app.ApiClient(await app.TokenForAsync(owner));
        async Task<IReadOnlyList<string?>> LabelsAsync()
        {
            var pages = new[] { $"/j/{journal.Slug}/posts/{post.Slug}", $"/j/{journal.Slug}", $"/j/{journal.Slug}/category/diary" };
            var labels = new List<string?>();
            foreach (var page in pages) labels.Add(DayOf(await anonymous.GetStringAsync(page)));
            // The owner's page skips the shared cache: the same label built for a signed-in reader.
            labels.Add(DayOf(await (await app.SignedInClientAsync(owner)).GetStringAsync(pages[0])));
            var list = await (await api.GetAsync($"/api/v1/journals/{journal.Slug}/posts")).JsonAsync(HttpStatusCode.OK);
            labels.Add(list.GetProperty("items")[0].GetProperty("dayLabel").GetString());
            var one = await (await api.GetAsync($"/api/v1/journals/{journal.Slug}/posts/{post.Slug}")).JsonAsync(HttpStatusCode.OK);
            labels.Add(one.GetProperty("dayLabel").GetString());
            return labels;
        }

        Assert.All(await LabelsAsync(), label => Assert.Equal("Day +3", label));

        // A second transplant: a newer course without Day 0 yet. The first course's Day 0 is never borrowed.
        await ChangeAsync(journal, db =>
        {
            db.TreatmentCourses.Add(new TreatmentCourse { JournalId = journal.Id, CreatedAt = course.CreatedAt.AddMinutes(1) });
            return db.SaveChangesAsync();
        });
        Assert.All(await LabelsAsync(), label => Assert.Null(label));

        await ChangeAsync(journal, db => db.TreatmentCourses.Where(c => c.JournalId == journal.Id && c.DayZero == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DayZero, TreatmentData.DayZero.AddDays(1))));
        Assert.All(await LabelsAsync(), label => Assert.Equal("Day +2", label));

        await ChangeAsync(journal, db => db.Journals.Where(j => j.Id == journal.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.ShowDayNumbers, false)));
        Assert.All(await LabelsAsync(), label => Assert.Null(label));
    }

    /// <summary>The byline's day label in a page showing one post, or null.</summary>
    private static string? DayOf(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(html), "<span class=\"day\">([^<]*)</span>");
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>A write behind the app's back, then the journal's pages evicted as its settings page does after saving.</summary>
    private Task ChangeAsync(Journal journal, Func<JournalsDbContext, Task> write) => app.WithScopeAsync(async sp =>
    {
        await write(sp.GetRequiredService<JournalsDbContext>());
        await sp.GetRequiredService<PageCacheEviction>().JournalChangedAsync(journal.Id);
    });
}

public sealed class DayLabelTestsOnSqlite(SqliteApp app) : DayLabelTests(app), IClassFixture<SqliteApp>;
public sealed class DayLabelTestsOnPostgres(PostgresApp app) : DayLabelTests(app), IClassFixture<PostgresApp>;
