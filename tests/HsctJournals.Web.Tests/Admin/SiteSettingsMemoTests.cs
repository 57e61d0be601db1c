using HsctJournals.Web.Caching;
using HsctJournals.Web.Shared;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Tests.Admin;

/// <summary>The rule of the one-node settings memo (docs/decisions/0041): a read that may predate a save is never kept.</summary>
public sealed class SiteSettingsMemoTests
{
    private static SiteSettingsMemo Memo(string? redis = null) => new(Options.Create(new PageCacheOptions { Redis = redis }));

    [Fact]
    public void Settings_read_after_the_last_save_are_kept_as_a_copy_callers_cannot_change()
    {
        var memo = Memo();
        memo.Keep(memo.Generation, new SiteSettings { Name = "Kept" });

        var first = memo.Current!;
        first.Name = "Changed by a caller";

        Assert.Equal("Kept", memo.Current!.Name);
    }

    [Fact]
    public void A_read_that_began_before_a_save_is_not_kept_and_a_save_forgets_what_was_kept()
    {
        var memo = Memo();
        memo.Keep(memo.Generation, new SiteSettings { Name = "Before" });
        var readStarted = memo.Generation;

        memo.Forget();
        Assert.Null(memo.Current);
        memo.Keep(readStarted, new SiteSettings { Name = "Old value read while saving" });
        Assert.Null(memo.Current);

        memo.Keep(memo.Generation, new SiteSettings { Name = "After" });
        Assert.Equal("After", memo.Current!.Name);
    }

    [Fact]
    public void Nothing_is_kept_when_several_nodes_share_redis()
    {
        var memo = Memo("127.0.0.1:6379");
        memo.Keep(memo.Generation, new SiteSettings());
        Assert.Null(memo.Current);
    }
}
