using HsctJournals.Domain.Portability;

namespace HsctJournals.Domain.Tests.Portability;

public class UploadsFolderTests
{
    [Theory]
    [InlineData("https://old.example/wp-content/uploads/2019/03/day-0-1024x768.jpg", "2019/03/day-0-1024x768.jpg")]
    [InlineData("http://old.example/blog/wp-content/uploads/2019/03/caf%C3%A9.jpg?w=300", "2019/03/café.jpg")]
    [InlineData("/wp-content/uploads/sites/2/2020/01/x.png", "sites/2/2020/01/x.png")]
    public void An_uploads_address_gives_its_path_under_the_uploads_folder(string url, string path) =>
        Assert.Equal(path, UploadsFolder.PathOf(url));

    [Theory]
    [InlineData("https://elsewhere.example/images/x.jpg")]
    [InlineData("https://old.example/wp-content/uploads/../../wp-config.php")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_addresses_and_ones_that_climb_out_give_nothing(string? url) => Assert.Null(UploadsFolder.PathOf(url));

    [Theory]
    [InlineData("wp-content/uploads/2019/03/a.jpg", "2019/03/a.jpg")]
    [InlineData("site-backup/wp-content/uploads/2019/03/a.jpg", "2019/03/a.jpg")]
    [InlineData("uploads/2019/03/a.jpg", "2019/03/a.jpg")]
    [InlineData("2019/03/a.jpg", "2019/03/a.jpg")]
    [InlineData("2019\\03\\a.jpg", "2019/03/a.jpg")]
    public void A_zip_made_of_any_folder_above_the_files_gives_the_same_keys(string entry, string key) =>
        Assert.Equal(key, UploadsFolder.KeyOf(entry));

    [Fact]
    public void Folders_in_the_zip_have_no_key() => Assert.Null(UploadsFolder.KeyOf("wp-content/uploads/2019/"));

    [Fact]
    public void The_original_comes_before_the_scaled_copy_and_the_resized_copy_that_was_referenced() =>
        Assert.Equal(["2019/03/day-0.jpg", "2019/03/day-0-scaled.jpg", "2019/03/day-0-1024x768.jpg"], UploadsFolder.Candidates("2019/03/day-0-1024x768.jpg"));

    [Fact]
    public void A_file_that_is_no_resized_copy_is_looked_for_as_it_is() =>
        Assert.Equal(["2019/03/day-0.jpg"], UploadsFolder.Candidates("2019/03/day-0.jpg"));

    [Fact]
    public void A_scaled_copy_leads_to_its_original_first() =>
        Assert.Equal(["2019/03/big.jpg", "2019/03/big-scaled.jpg"], UploadsFolder.Candidates("2019/03/big-scaled.jpg"));
}

public class ArchiveRulesTests
{
    private static string? Check(params ArchiveEntry[] entries) => ArchiveRules.Problem(entries, maxEntries: 3, maxUnpackedBytes: 100L * 1024 * 1024);

    [Fact]
    public void An_ordinary_uploads_folder_passes() =>
        Assert.Null(Check(new("wp-content/uploads/2019/03/a.jpg", 2_000_000, 1_900_000), new("wp-content/uploads/2019/", 0, 0)));

    [Theory]
    [InlineData("../../etc/cron.d/x")]
    [InlineData("uploads/../../x.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\Windows\\x.jpg")]
    [InlineData("uploads\\..\\..\\x.jpg")]
    public void A_path_that_leads_outside_the_folder_is_refused_by_name(string name) =>
        Assert.Contains($"“{name}”, a path that leads outside", Check(new ArchiveEntry(name, 10, 10)));

    [Fact]
    public void An_entry_packed_a_thousand_to_one_is_a_zip_bomb() =>
        Assert.Contains("zip bomb", Check(new ArchiveEntry("a.jpg", 50L * 1024 * 1024, 50 * 1024)));

    [Fact]
    public void A_small_file_may_pack_tightly() => Assert.Null(Check(new ArchiveEntry("a.txt", 500_000, 500)));

    [Fact]
    public void Too_much_unpacked_in_total_is_refused_before_anything_is_read() =>
        Assert.Contains("more than 100 MB", Check(new("a.jpg", 60L * 1024 * 1024, 60L * 1024 * 1024), new("b.jpg", 60L * 1024 * 1024, 60L * 1024 * 1024)));

    [Fact]
    public void Too_many_entries_are_refused() =>
        Assert.Contains("more than 3 files", Check(new("a", 1, 1), new("b", 1, 1), new("c", 1, 1), new("d", 1, 1)));

    [Fact]
    public void An_empty_archive_is_named_as_such() => Assert.Equal("The archive is empty.", Check());
}

public class UploadsRewriteTests
{
    private const string Old = "https://old.example/wp-content/uploads/2019/03/";

    [Fact]
    public void Images_from_the_uploads_folder_are_found_with_their_descriptions_and_others_are_not()
    {
        var source = $"<p><img src=\"{Old}a-300x200.jpg\" alt=\"The &amp; bag\" class=\"wp-image-9\"></p><p><img alt=\"x\" src=\"https://elsewhere.example/b.jpg\"></p><img src='{Old}c.png'>";
        Assert.Equal([new ImageReference(Old + "a-300x200.jpg", "The & bag"), new ImageReference(Old + "c.png", "")], UploadsRewrite.References(source));
    }

    [Fact]
    public void A_matched_image_points_at_its_photo_and_loses_the_link_to_the_old_media_file()
    {
        var source = $"<figure><a href=\"{Old}a.jpg\"><img src=\"{Old}a-1024x768.jpg\" alt=\"Day 0\" width=\"1024\" srcset=\"{Old}a-300x200.jpg 300w\"></a><figcaption>Cells</figcaption></figure>";
        Assert.Equal("<figure><img src=\"photo:7\" alt=\"Day 0\"><figcaption>Cells</figcaption></figure>", UploadsRewrite.Apply(source, _ => 7));
    }

    [Fact]
    public void A_link_to_another_page_stays_around_the_photo() =>
        Assert.Equal("<a href=\"https://ward.example/\"><img src=\"photo:3\" alt=\"\"></a>",
            UploadsRewrite.Apply($"<a href=\"https://ward.example/\"><img src=\"{Old}w.jpg\"></a>", _ => 3));

    [Fact]
    public void Unmatched_images_and_everything_else_keep_every_character()
    {
        var source = $"> a quote\n\n<p>Text & more <img src=\"{Old}missing.jpg\" alt=\"m\"> and <img src=\"{Old}found.jpg\"></p>";
        var result = UploadsRewrite.Apply(source, address => address.EndsWith("found.jpg") ? 5 : null);
        Assert.Equal($"> a quote\n\n<p>Text & more <img src=\"{Old}missing.jpg\" alt=\"m\"> and <img src=\"photo:5\" alt=\"\"></p>", result);
    }
}
