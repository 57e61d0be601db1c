using HsctJournals.Domain.Accounts;

namespace HsctJournals.Domain.Tests.Accounts;

public sealed class OwnerRuleTests
{
    [Fact]
    public void The_only_owner_can_be_neither_demoted_nor_removed() =>
        Assert.False(OwnerRule.Allows(isOwner: true, staysOwner: false, owners: 1));

    [Fact]
    public void One_of_two_owners_may_step_down() =>
        Assert.True(OwnerRule.Allows(isOwner: true, staysOwner: false, owners: 2));

    [Fact]
    public void An_owner_who_stays_owner_is_always_allowed() =>
        Assert.True(OwnerRule.Allows(isOwner: true, staysOwner: true, owners: 1));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Members_who_are_not_owners_change_freely(int owners) =>
        Assert.True(OwnerRule.Allows(isOwner: false, staysOwner: false, owners));
}
