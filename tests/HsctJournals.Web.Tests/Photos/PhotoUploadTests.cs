using System.Net;
using System.Text;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Data;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Photos;
using HsctJournals.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetVips;

namespace HsctJournals.Web.Tests.Photos;

/// <summary>
/// Uploading: variants made once, metadata gone from everything served, and every bad input of
/// issue 10 refused with a message and nothing half-stored.
/// </summary>
public abstract class PhotoUploadTests(AppFactory app)
{
    [Fact]
    public async Task A_phone_photo_is_turned_upright_and_every_served_variant_carries_no_exif_or_gps()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.PhoneJpeg(2000, 1500, orientation: 6), "IMG_0001.JPG");
        // Orientation 6 means "rotate 90°": the upright photo is portrait.
        Assert.Equal((1500, 2000), (photo.Width, photo.Height));
        await app.CreatePostAsync(journal, owner, "Day 0", $"The bag of cells.\n\n![The bag of cells](photo:{photo.Id})");

        var variants = await app.VariantsAsync(photo.Id);
        Assert.Equal(["Jpeg 480x640", "Jpeg 960x1280", "Jpeg 1500x2000", "WebP 480x640", "WebP 960x1280", "WebP 1500x2000"],
            variants.OrderBy(v => v.Format).ThenBy(v => v.Width).Select(v => $"{v.Format} {v.Width}x{v.Height}"));

        var anonymous = app.AnonymousClient();
        foreach (var variant in variants)
        {
            var response = await anonymous.GetAsync(variant.Url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(variant.ContentType, response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(variant.Length, bytes.Length);
            using var served = Image.NewFromBuffer(bytes);
            Assert.Equal((variant.Width, variant.Height), (served.Width, served.Height));
            var fields = served.GetFields();
            Assert.DoesNotContain(fields, f => f.StartsWith("exif", StringComparison.Ordinal) || f.Contains("xmp") || f.Contains("iptc") || f.Contains("icc"));
            Assert.False(served.Contains("orientation") && (int)served.Get("orientation") != 1);
            foreach (var secret in new[] { "Exif", "GPS", "TestCam", "SECRET", "2026:03:10" })
                Assert.False(Encoding.Latin1.GetString(bytes).Contains(secret, StringComparison.Ordinal), $"{variant.Url} still holds \"{secret}\"");
        }
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_at_once_is_stored_once()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Private);
        var bytes = PhotoKit.PhoneJpeg(900, 600, orientation: 1, red: 17);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.UploadAsync(journal, owner, bytes)));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Message));
        Assert.Single(results.Select(r => r.Photo!.Id).Distinct());
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<JournalsDbContext>();
            var photo = await db.Photos.Include(p => p.Variants).SingleAsync(p => p.JournalId == journal.Id);
            Assert.Equal(1, await db.PhotoBlobs.CountAsync(b => b.Hash == photo.OriginalHash));
            Assert.Equal(photo.OriginalLength, await db.PhotoBlobChunks.Where(c => c.BlobHash == photo.OriginalHash).SumAsync(c => (long)c.Data.Length));
            return 0;
        });
    }

    public static TheoryData<string, string, string?, string, PhotoProblem> BadFiles => new()
    {
        { "renamed program", "holiday.jpg", "image/jpeg", "MZ-program", PhotoProblem.UnsupportedType },
        { "svg", "drawing.svg", "image/svg+xml", "svg", PhotoProblem.UnsupportedType },
        { "svg named png", "drawing.png", "image/png", "svg", PhotoProblem.UnsupportedType },
        { "empty", "empty.jpg", "image/jpeg", "empty", PhotoProblem.Empty },
        { "truncated jpeg", "cut.jpg", "image/jpeg", "truncated", PhotoProblem.Damaged },
        { "png header of 100,000 x 100,000", "bomb.png", "image/png", "bomb", PhotoProblem.TooManyPixels },
        { "jpeg with a zip attached", "polyglot.jpg", "image/jpeg", "jpeg+zip", PhotoProblem.UnsupportedType },
        { "gif with script", "polyglot.gif", "image/gif", "gif+js", PhotoProblem.Damaged },
        { "png named jpg", "photo.jpg", "image/jpeg", "png", PhotoProblem.TypeMismatch },
        { "heic from a phone", "IMG_0002.HEIC", "image/heic", "heic", PhotoProblem.UnsupportedType },
        { "plain text", "notes.jpg", null, "text", PhotoProblem.UnsupportedType },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_a_message_and_nothing_is_stored(string what, string fileName, string? contentType, string content, PhotoProblem problem)
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var before = await app.CountsAsync();
        var jpeg = PhotoKit.PhoneJpeg(800, 600, orientation: 1);
        byte[] bytes = content switch
        {
            "MZ-program" => [.. "MZ"u8, .. new byte[500]],
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
            "empty" => [],
            "truncated" => jpeg[..(jpeg.Length / 2)],
            "bomb" => PhotoKit.PngHeaderOnly(100_000, 100_000),
            "jpeg+zip" => [.. jpeg, .. PhotoKit.EmptyZip()],
            "gif+js" => [.. "GIF89a/*"u8, .. "\0\0*/=1;alert(document.domain);"u8],
            "png" => PhotoKit.Png(),
            "heic" => PhotoKit.HeicStart(),
            _ => "just some words"u8.ToArray(),
        };
        var result = await app.UploadAsync(journal, owner, bytes, fileName, contentType: contentType);
        Assert.False(result.Succeeded, what);
        Assert.Equal(problem, result.Problem);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Contains(Path.GetFileName(fileName), result.Message);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task Heic_is_refused_with_directions_for_sending_jpeg()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var result = await app.UploadAsync(journal, owner, PhotoKit.HeicStart(), "IMG_0003.HEIC");
        Assert.Contains("Most Compatible", result.Message);
        Assert.Contains("JPEG", result.Message);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_the_rest_of_it_is_read()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var before = await app.CountsAsync();
        var limit = app.Services.GetRequiredService<IOptions<PhotoOptions>>().Value.MaxUploadBytes;
        var huge = new PhotoKit.EndlessJpegStream(200L * 1024 * 1024);
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<PhotoUpload>().UploadAsync(
            new PhotoUploadRequest(journal, owner.Id, huge, "huge.jpg", "image/jpeg", "Huge")));
        Assert.Equal(PhotoProblem.TooLarge, result.Problem);
        Assert.Contains("larger than 25 MB", result.Message);
        Assert.InRange(huge.BytesRead, limit, limit + 128 * 1024);

        // With a declared length, nothing is read at all.
        var declared = new PhotoKit.EndlessJpegStream(200L * 1024 * 1024);
        result = await app.WithScopeAsync(sp => sp.GetRequiredService<PhotoUpload>().UploadAsync(
            new PhotoUploadRequest(journal, owner.Id, declared, "huge.jpg", "image/jpeg", "Huge", DeclaredLength: declared.Length)));
        Assert.Equal(PhotoProblem.TooLarge, result.Problem);
        Assert.Equal(0, declared.BytesRead);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task Alt_text_is_required_unless_decorative_and_limited_in_length()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var before = await app.CountsAsync();
        var bytes = PhotoKit.Png();
        var missing = await app.UploadAsync(journal, owner, bytes, "a.png", alt: "  ");
        Assert.Equal(PhotoProblem.Invalid, missing.Problem);
        Assert.Contains("screen-reader", missing.Message);
        var tooLong = await app.UploadAsync(journal, owner, bytes, "a.png", alt: new string('x', 10_000));
        Assert.Equal(PhotoProblem.Invalid, tooLong.Problem);
        Assert.Contains("at most 500 characters (it has 10,000)", tooLong.Message);
        Assert.Equal(before, await app.CountsAsync());

        var decorative = await app.UploadAsync(journal, owner, bytes, "a.png", alt: null, decorative: true);
        Assert.True(decorative.Succeeded, decorative.Message);
        Assert.True(decorative.Photo!.IsDecorative);
    }

    [Fact]
    public async Task A_file_name_with_a_path_and_control_characters_is_kept_safe()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var photo = await app.UploadOkAsync(journal, owner, PhotoKit.Png(300, 200), "../../etc/\u0007pass\u202Ewd\r\n.png");
        Assert.Equal("passwd.png", photo.FileName);
    }

    [Fact]
    public async Task The_journal_quota_refuses_a_photo_that_would_pass_it_and_says_how_much_is_used()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        await app.UploadOkAsync(journal, owner, PhotoKit.Png(300, 200), "first.png");
        var used = await app.WithScopeAsync(sp => PhotoQuota.UsedBytesAsync(sp.GetRequiredService<JournalsDbContext>(), journal.Id));
        Assert.True(used > 0);
        var before = await app.CountsAsync();
        var result = await app.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<PhotoUpload>(sp,
                Options.Create(new PhotoOptions { JournalQuotaBytes = used + 100 }))
            .UploadAsync(new PhotoUploadRequest(journal, owner.Id, new MemoryStream(PhotoKit.Png(500, 300)), "second.png", null, "Second")));
        Assert.Equal(PhotoProblem.QuotaReached, result.Problem);
        Assert.Contains("Delete photos you no longer use", result.Message);
        Assert.Equal(before, await app.CountsAsync());
    }
}

public sealed class PhotoUploadTestsOnSqlite(SqliteApp app) : PhotoUploadTests(app), IClassFixture<SqliteApp>;
public sealed class PhotoUploadTestsOnPostgres(PostgresApp app) : PhotoUploadTests(app), IClassFixture<PostgresApp>;
