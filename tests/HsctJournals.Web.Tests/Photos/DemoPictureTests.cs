using System.Net;
using System.Text.RegularExpressions;
using HsctJournals.Web.Data;
using HsctJournals.Web.Startup.Demo;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>A fresh installation's demo journal shows its drawn pictures: one on its own, three in a gallery, each with alt text.</summary>
public abstract partial class DemoPictureTests(AppFactory app)
{
    [Fact]
    public async Task The_demo_journal_shows_a_picture_inline_and_a_gallery_of_three_that_anyone_can_open()
    {
        var client = app.AnonymousClient();
        var dayZero = await PostAsync(client, "Day 0: happy stem cell birthday to me");
        var single = DemoPictures.All[0];
        Assert.Contains($"alt=\"{single.AltText}\"", dayZero);
        Assert.Contains($"<figcaption>{single.Caption}</figcaption>", dayZero);
        Assert.DoesNotContain("class=\"gallery\"", dayZero);

        var walks = await PostAsync(client, "Day +45: nobody tells you how tired tired is");
        var gallery = Regex.Match(walks, "<div class=\"gallery\"[^>]*aria-label=\"Gallery of 3 photos\">(.*?)</div>", RegexOptions.Singleline);
        Assert.True(gallery.Success, "no gallery of three");
        foreach (var picture in DemoPictures.All[1..]) Assert.Contains($"alt=\"{picture.AltText}\"", gallery.Groups[1].Value);

        foreach (var url in Regex.Matches(dayZero + walks, "src=\"(/photos/[0-9a-f]{64}\\.jpg)\"").Select(m => m.Groups[1].Value).Distinct())
        {
            var image = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<string> PostAsync(HttpClient client, string title)
    {
        var slug = await app.WithScopeAsync(sp => sp.GetRequiredService<JournalsDbContext>().Posts
            .Where(p => p.Journal.Slug == "counting-from-zero" && p.Title == title).Select(p => p.Slug).SingleAsync());
        return WebUtility.HtmlDecode(await client.GetStringAsync($"/j/counting-from-zero/posts/{slug}"));
    }
}

public sealed class DemoPictureTestsOnSqlite(DemoSqliteApp app) : DemoPictureTests(app), IClassFixture<DemoSqliteApp>;
public sealed class DemoPictureTestsOnPostgres(DemoPostgresApp app) : DemoPictureTests(app), IClassFixture<DemoPostgresApp>;
