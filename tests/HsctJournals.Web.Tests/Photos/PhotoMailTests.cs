using System.Net;
using System.Text.RegularExpressions;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Notifications;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Tests.Notifications;
using HsctJournals.Web.Followers;
using static HsctJournals.Web.Tests.Notifications.NotificationTestData;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>
/// The new-post mail shows the post's first photo, small, linked to the post. Its address comes from Site:BaseUrl
/// (the test site is http://journals.test; requests arrive as http://localhost). A public journal's photo is a plain
/// link; a closed journal's is signed for the member it is mailed to, so it shows without a cookie.
/// </summary>
public abstract partial class PhotoMailTests(NotifyingApp app)
{
    [Fact]
    public async Task A_follower_of_a_public_journal_gets_the_first_photo_linked_to_the_post()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var address = await ConfirmedFollowerAsync(app, journal, FollowFrequency.Instant);
        var first = await app.UploadOkAsync(journal, owner, PhotoKit.Png(1200, 600), "walk.png", "First walk outside");
        var second = await app.UploadOkAsync(journal, owner, PhotoKit.Png(1200, 601), "bag.png", "The bag");
        var post = await app.CreatePostAsync(journal, owner, "Outside", $"Text.\n\n![First walk outside](photo:{first.Id})\n![The bag](photo:{second.Id})");

        var mail = Assert.Single(await Eventually.MailAsync(app.Mail, address));
        var (link, src, alt, width, height) = Thumbnail(Html(mail));
        Assert.Equal($"{FastNotifications.BaseUrl}/j/{journal.Slug}/posts/{post.Slug}", link);
        var smallest = (await app.VariantsAsync(first.Id)).Where(v => v.Format == Web.Photos.PhotoFormat.Jpeg).MinBy(v => v.Width)!;
        Assert.Equal(FastNotifications.BaseUrl + smallest.Url, src);
        Assert.Equal(("First walk outside", "480", "240"), (alt, width, height));
        Assert.Contains("[Photo: First walk outside]", Text(mail));
        AssertWellFormedForReader(mail);

        var image = await app.AnonymousClient().GetAsync(src[FastNotifications.BaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    [Fact]
    public async Task A_member_following_a_closed_journal_gets_a_photo_signed_for_them_that_shows_without_signing_in()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.ApprovedReaders);
        var member = await app.CreateUserAsync();
        await app.AddMemberAsync(journal, member, JournalRole.ApprovedReader);
        await ConfirmedFollowerAsync(app, journal, FollowFrequency.Instant, email: member.Email!, userId: member.Id);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.Png(1000, 1000), "line.png", "The line going in");
        await app.CreatePostAsync(journal, owner, "Line in", $"![The line going in](photo:{photo.Id})");

        var mail = Assert.Single(await Eventually.MailAsync(app.Mail, member.Email!));
        var (_, src, alt, _, _) = Thumbnail(Html(mail));
        Assert.Matches($"^{Regex.Escape(FastNotifications.BaseUrl)}/photos/[0-9a-f]{{64}}\\.jpg\\?access=", src);
        Assert.Equal("The line going in", alt);
        var path = src[FastNotifications.BaseUrl.Length..];
        var anonymous = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path[..path.IndexOf('?')])).StatusCode);
    }

    private static (string Link, string Src, string Alt, string Width, string Height) Thumbnail(string html)
    {
        var m = ThumbnailPattern().Match(WebUtility.HtmlDecode(html));
        Assert.True(m.Success, "no linked thumbnail in: " + html);
        return (m.Groups["link"].Value, m.Groups["src"].Value, m.Groups["alt"].Value, m.Groups["w"].Value, m.Groups["h"].Value);
    }

    [GeneratedRegex("<a href=\"(?<link>[^\"]+)\"><img src=\"(?<src>[^\"]+)\" alt=\"(?<alt>[^\"]*)\"(?: width=\"(?<w>\\d+)\" height=\"(?<h>\\d+)\")?")]
    private static partial Regex ThumbnailPattern();
}

public sealed class PhotoMailTestsOnSqlite(NotifyingSqliteApp app) : PhotoMailTests(app), IClassFixture<NotifyingSqliteApp>;
public sealed class PhotoMailTestsOnPostgres(NotifyingPostgresApp app) : PhotoMailTests(app), IClassFixture<NotifyingPostgresApp>;
