using System.Net;
using System.Text.Json;
using HsctJournals.Domain.Treatment;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// Charts and milestones embedded in posts (domain/hsct.md §11): replaced at read time for a reader
/// the sharing rule lets in, gone without a trace for everyone else, for feeds and for the API;
/// only ever the post's own journal's data.
/// </summary>
public abstract class PostEmbedTests(AppFactory app)
{
    public const string EmbeddingMarkdown = "Before the chart.\n\n{{chart: neutrophils}}\n\n{{milestone: engraftment}}\n{{milestone: day0}}\n\nAfter the chart.";

    /// <summary>Everything an embed could leave behind in a page.</summary>
    private static readonly string[] Traces = ["{{", "}}", "chart:", "milestone:", "<figure", "embed-", "/treatment", "engraftment", "Neutrophils"];

    private static void AssertNoTrace(string html, string where)
    {
        foreach (var trace in Traces) Assert.False(html.Contains(trace, StringComparison.OrdinalIgnoreCase), $"{where}: found \"{trace}\"");
    }

    [Fact]
    public async Task An_embedded_chart_and_milestone_show_to_readers_with_rights_and_leave_no_trace_for_others()
    {
        var owner = await app.CreateUserAsync();
        var approved = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.AddMemberAsync(journal, approved, JournalRole.ApprovedReader);
        await app.CreateCourseAsync(journal, owner, TreatmentSharing.ApprovedReadersOnly);
        var post = await app.CreatePostAsync(journal, owner, "Counts are up", EmbeddingMarkdown);
        var path = $"/j/{journal.Slug}/posts/{post.Slug}";

        foreach (var user in new[] { owner, approved })
        {
            var html = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(user)).GetStringAsync(path));
            Assert.Contains("<figure class=\"chart embed-chart\">", html);
            Assert.Contains($"src=\"/j/{journal.Slug}/treatment/charts/neutrophils.svg\" alt=\"Neutrophils and white cells by day, Day −14 to Day +35.", html);
            Assert.Contains($"href=\"/j/{journal.Slug}/treatment#chart-data-neutrophils\">Neutrophils and white cells by day: data table</a>", html);
            Assert.Contains("<strong>Day +9</strong></a> (2026-03-19): neutrophil engraftment, computed from the counts.", html);
            Assert.Contains("<strong>Day 0</strong></a> (2026-03-10): stem cells reinfused (Day 0).", html);
            Assert.DoesNotContain("{{", html);
        }
        // The data table the embed links to is there, for the same readers.
        Assert.Contains("id=\"chart-data-neutrophils\"", await (await app.SignedInClientAsync(approved)).GetStringAsync($"/j/{journal.Slug}/treatment"));

        foreach (var (client, who) in new[] { (app.AnonymousClient(), "anonymous"), (await app.SignedInClientAsync(stranger), "stranger") })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("<p>Before the chart.</p>\n<p>After the chart.</p>", html);
            AssertNoTrace(html[html.IndexOf("<article", StringComparison.Ordinal)..], who);
            Assert.DoesNotContain("{{", html);
        }
    }

    [Fact]
    public async Task Feeds_the_api_excerpt_and_search_text_never_carry_an_embed()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        // Shared with every reader, and still not in feeds or the API body: those are not per reader.
        await app.CreateCourseAsync(journal, owner, TreatmentSharing.JournalReaders);
        var post = await app.CreatePostAsync(journal, owner, "Words for feeds", "{{chart: platelets}}\n\nThe words.\n\n{{milestone: engraftment}}");

        var anonymous = app.AnonymousClient();
        foreach (var feed in new[] { "feed.rss", "feed.atom" })
        {
            var xml = await anonymous.GetStringAsync($"/j/{journal.Slug}/{feed}");
            Assert.Contains("The words.", WebUtility.HtmlDecode(xml));
            AssertNoTrace(xml, feed);
        }

        var api = app.ApiClient(await app.TokenForAsync(owner));
        var dto = await (await api.GetAsync($"/api/v1/journals/{journal.Slug}/posts/{post.Slug}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("<p>The words.</p>\n", dto.GetProperty("html").GetString());
        Assert.Equal("The words.", dto.GetProperty("excerpt").GetString());
        // The writer still gets the source they wrote.
        Assert.Contains("{{chart: platelets}}", dto.GetProperty("markdown").GetString());

        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<Web.Data.JournalsDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == post.Id));
        Assert.Equal("The words.", stored.PlainText);
        // Anyone may read this journal's treatment data, so the post page shows it (the platelet chart has no values: nothing).
        var page = await anonymous.GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}");
        Assert.Contains("embed-milestone", page);
        Assert.DoesNotContain("embed-chart", page);
    }

    [Fact]
    public async Task A_shortcode_shows_only_the_data_of_the_journal_the_post_is_in()
    {
        var owner = await app.CreateUserAsync();
        var withData = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.CreateCourseAsync(withData, owner, TreatmentSharing.JournalReaders);
        var other = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var forged = "{{chart: neutrophils}}\n\n{{milestone: engraftment}}\n\n{{chart:neutrophils journal=" + withData.Slug + "}}";
        var post = await app.CreatePostAsync(other, owner, "Borrowed chart", forged);
        var path = $"/j/{other.Slug}/posts/{post.Slug}";

        // The other journal has no course: nothing at all, even for their shared owner.
        foreach (var client in new[] { app.AnonymousClient(), await app.SignedInClientAsync(owner) })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotContain("/treatment/charts/", html);
            Assert.DoesNotContain(withData.Slug + "/treatment", html);
            Assert.DoesNotContain("Day +9", html);
        }

        // With a course of its own (never engrafting), its own chart appears and never the first journal's data.
        await app.CreateCourseAsync(other, owner, TreatmentSharing.JournalReaders,
            "date,analyte,value,unit\n" + TreatmentData.Day(2) + ",ANC,0.1,10^9/L\n" + TreatmentData.Day(3) + ",ANC,0.2,10^9/L");
        var shown = WebUtility.HtmlDecode(await app.AnonymousClient().GetStringAsync(path));
        Assert.Contains($"/j/{other.Slug}/treatment/charts/neutrophils.svg", shown);
        Assert.DoesNotContain($"/j/{withData.Slug}/treatment", shown);
        Assert.DoesNotContain("Day +9", shown);
        Assert.Contains("lowest 0.1 on Day +2", shown);
    }

    [Fact]
    public async Task An_embedded_chart_shows_the_counts_as_of_the_posts_date_unless_it_asks_for_the_latest()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly);
        // Written on Day +5; the counts go on to Day +11 and engraft on Day +9.
        var post = await app.CreatePostAsync(journal, owner, "Day five", "{{chart: neutrophils}}\n\nAnd now:\n\n{{chart: neutrophils latest}}",
            publishAtUtc: TreatmentData.DayZero.AddDays(5).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        var client = await app.SignedInClientAsync(owner);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}"));

        var asOf = $"/j/{journal.Slug}/treatment/charts/neutrophils.svg?asof={TreatmentData.Day(5)}";
        Assert.Contains($"src=\"{asOf}\" alt=\"Neutrophils and white cells by day as of Day +5, Day −14 to Day +35. ANC: 5 values from Day +1 to Day +5; lowest 0.05 on Day +5; latest 0.05.", html);
        Assert.Contains($"srcset=\"{asOf}&layout=narrow\"", html);
        Assert.Contains("Computed neutrophil engraftment: not yet.", html);
        Assert.Contains($"href=\"/j/{journal.Slug}/treatment#charts\">Neutrophils and white cells by day: latest values</a>", html);
        // The second shortcode asks for the latest values.
        Assert.Contains($"src=\"/j/{journal.Slug}/treatment/charts/neutrophils.svg\" alt=\"Neutrophils and white cells by day, Day −14 to Day +35. ANC: 11 values from Day +1 to Day +11;", html);

        var svg = await client.GetStringAsync(asOf);
        Assert.Contains("<title id=\"chart-title\">Neutrophils and white cells by day as of Day +5</title>", svg);
        Assert.Contains("5 values from Day +1 to Day +5", svg);
        Assert.DoesNotContain("engraftment Day +9", svg);
        Assert.Contains("neutrophil engraftment Day +9", await client.GetStringAsync($"/j/{journal.Slug}/treatment/charts/neutrophils.svg"));

        var bad = await client.GetAsync($"/j/{journal.Slug}/treatment/charts/neutrophils.svg?asof=5-3-2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("asof must be a date written like 2026-03-20.", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_editor_preview_shows_the_embed_to_the_author_and_explains_unknown_names()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly);
        var client = await app.SignedInClientAsync(owner);
        var form = await Forms.GetAsync(client, $"/j/{journal.Slug}/write");
        Assert.Contains("{{chart: neutrophils}}", WebUtility.HtmlDecode(form.Html));
        var response = await form.PostAsync(client, new() { ["Input.Title"] = "Draft", ["Input.Markdown"] = "{{chart: neutrophils}}\n\n{{chart: pancakes}}" },
            $"/j/{journal.Slug}/write?handler=Preview");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"/j/{journal.Slug}/treatment/charts/neutrophils.svg", html);
        Assert.Contains("{{chart: pancakes}}: no chart of that name; use neutrophils, platelets, haemoglobin, lymphocytes, edss.", html);
    }

    [Fact]
    public async Task The_days_page_groups_by_phase_for_readers_with_rights_and_by_day_ranges_for_others()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly);
        await RecordPhasesAsync(app, course.Id);
        foreach (var (day, title) in new[] { (-3, "Chemo week"), (5, "Isolation"), (60, "Home again"), (200, "Six months on") })
            await app.CreatePostAsync(journal, owner, title, "Text.", publishAtUtc: TreatmentData.DayZero.AddDays(day).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        var days = $"/j/{journal.Slug}/days";

        var mine = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(owner)).GetStringAsync(days));
        Assert.Contains(">Conditioning</h2>", mine);
        Assert.Contains("Day −5 (2026-03-05) to Day −1 (2026-03-09)", mine);
        Assert.Contains(">Aplasia</h2>", mine);
        Assert.Contains("<span class=\"day\">Day −3</span>", mine);
        Assert.True(mine.IndexOf("Chemo week", StringComparison.Ordinal) < mine.IndexOf("Isolation", StringComparison.Ordinal));

        var anonymous = app.AnonymousClient();
        var theirs = WebUtility.HtmlDecode(await anonymous.GetStringAsync(days));
        foreach (var heading in new[] { "Before Day 0", "Day 0 – Day +30", "Day +31 – Day +100", "Month 6" })
            Assert.Contains($">{heading}</h2>", theirs);
        foreach (var phase in new[] { "Conditioning", "Aplasia", "Mobilisation", "phase" })
            Assert.DoesNotContain(phase, theirs, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"href=\"{days}\"", await anonymous.GetStringAsync($"/j/{journal.Slug}"));
        Assert.Contains($"href=\"{days}\"", await anonymous.GetStringAsync($"/j/{journal.Slug}/archive"));

        // Without day numbers in bylines, a reader without rights has nothing to browse: no link, 404.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Data.JournalsDbContext>();
            await db.Journals.Where(j => j.Id == journal.Id).ExecuteUpdateAsync(u => u.SetProperty(j => j.ShowDayNumbers, false));
            // A write behind the app's back: evict as the settings page does after saving.
            await sp.GetRequiredService<Web.Caching.PageCacheEviction>().JournalChangedAsync(journal.Id);
            return 0;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(days)).StatusCode);
        Assert.DoesNotContain("/days", await anonymous.GetStringAsync($"/j/{journal.Slug}"));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(owner)).GetAsync(days)).StatusCode);
    }

    [Fact]
    public async Task Count_charts_shade_recorded_phases_and_say_so_in_words()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.OwnerOnly);
        await RecordPhasesAsync(app, course.Id);
        var client = await app.SignedInClientAsync(owner);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/j/{journal.Slug}/treatment"));
        Assert.Contains("Phases shaded and numbered: 1 storage Day −14 to Day −6; 2 conditioning Day −5 to Day −1; 3 reinfusion (Day 0) Day 0; 4 aplasia Day +1 to Day +35.", page);
        Assert.Contains("<li>Conditioning (shaded, numbered 2): Day −5 to Day −1</li>", page);
        var svg = await client.GetStringAsync($"/j/{journal.Slug}/treatment/charts/neutrophils.svg");
        Assert.Contains("aplasia", svg);
    }

    [Fact]
    public async Task Day_zero_anniversaries_are_milestones_on_the_treatment_page_the_api_and_in_an_embed()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var course = await app.CreateCourseAsync(journal, owner, TreatmentSharing.JournalReaders);
        // Day 0 two years and a day ago on the app's own clock (the owner's zone is UTC).
        var dayZero = await app.WithScopeAsync(async sp =>
        {
            var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var zero = today.AddYears(-2).AddDays(-1);
            await sp.GetRequiredService<Web.Data.JournalsDbContext>().TreatmentCourses.Where(c => c.Id == course.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.DayZero, zero));
            return zero;
        });
        var anonymous = app.AnonymousClient();
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/j/{journal.Slug}/treatment"));
        Assert.Contains($"({TreatmentText.Iso(dayZero.AddYears(1))})</span> — 1st stem cell birthday", page);
        Assert.Contains($"({TreatmentText.Iso(dayZero.AddYears(2))})</span> — 2nd stem cell birthday", page);
        Assert.Contains($"({TreatmentText.Iso(dayZero.AddYears(3))})</span> — 3rd stem cell birthday (coming)", page);

        var milestones = await (await app.ApiClient().GetAsync($"/api/v1/journals/{journal.Slug}/treatment/milestones")).Content.ReadAsStringAsync();
        Assert.Contains("2nd stem cell birthday", milestones);

        var post = await app.CreatePostAsync(journal, owner, "Two years", "Cake.\n\n{{milestone: anniversary}}");
        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/j/{journal.Slug}/posts/{post.Slug}"));
        Assert.Contains($"<strong>Year 2</strong></a> ({TreatmentText.Iso(dayZero.AddYears(2))}): 2nd stem cell birthday.", html);
    }

    /// <summary>Evaluation to aplasia, as the owner would record them: conditioning from Day −5, aplasia from Day +1.</summary>
    public static Task RecordPhasesAsync(AppFactory app, int courseId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Web.Data.JournalsDbContext>();
        var editor = sp.GetRequiredService<PhaseRecorder>();
        var course = await db.TreatmentCourses.SingleAsync(c => c.Id == courseId);
        foreach (var (phase, day) in new[] { (Phase.Evaluation, -60), (Phase.Mobilisation, -45), (Phase.Apheresis, -35), (Phase.Storage, -34), (Phase.Conditioning, -5), (Phase.Reinfusion, 0), (Phase.Aplasia, 1) })
        {
            var result = await editor.AddPhaseAsync(course, new PhaseInput { Phase = phase, Started = TreatmentData.Day(day) }, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
        return 0;
    });
}

public sealed class PostEmbedTestsOnSqlite(SqliteApp app) : PostEmbedTests(app), IClassFixture<SqliteApp>;
public sealed class PostEmbedTestsOnPostgres(PostgresApp app) : PostEmbedTests(app), IClassFixture<PostgresApp>;
