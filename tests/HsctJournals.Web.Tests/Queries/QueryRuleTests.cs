using System.Linq.Expressions;
using HsctJournals.Web.Data;

namespace HsctJournals.Web.Tests.Queries;

/// <summary>
/// The mechanism behind the rules written once (read, visibility, ownership, live): a query names a rule by its
/// stand-in, and Inline writes the rule in with the call's arguments. Checked in memory here; the rules themselves are
/// checked against both databases by the access, comment and post tests.
/// </summary>
public class QueryRuleTests
{
    private static bool Above(int value, int limit) => throw QueryRule.StandInCalled("the test rule");
    private static bool Other(int value, int limit) => value == limit;

    private static readonly QueryRule<Func<int, int, bool>> AboveRule = new(Above, (value, limit) => value > limit);

    [Fact]
    public void The_stand_in_is_replaced_by_the_rule_with_the_calls_arguments()
    {
        var limit = 10;
        var query = AboveRule.Inline<Func<int, bool>>(n => Above(n * 2, limit) && n < 100);

        var run = query.Compile();
        Assert.False(run(5));   // 10 > 10 is false
        Assert.True(run(6));    // 12 > 10
        Assert.False(run(100)); // the rest of the query stays
        Assert.DoesNotContain("Above(", query.ToString());
    }

    [Fact]
    public void Every_call_is_replaced_and_other_methods_are_left_alone()
    {
        var query = AboveRule.Inline<Func<int, int, bool>>((a, b) => Above(a, b) || Above(b, a) || Other(a, b));

        Assert.DoesNotContain("Above(", query.ToString());
        Assert.Contains("Other(", query.ToString());
        Assert.True(query.Compile()(3, 3)); // neither above the other; Other says equal
        Assert.True(query.Compile()(2, 3));
    }

    [Fact]
    public void A_stand_in_run_outside_a_query_says_what_it_is()
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => Above(1, 2));
        Assert.Contains("the test rule", thrown.Message);
        Assert.Throws<InvalidOperationException>(() => Expression.Lambda<Func<bool>>(Expression.Call(typeof(QueryRuleTests).GetMethod(nameof(Above),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!, Expression.Constant(1), Expression.Constant(2))).Compile()());
    }

    [Fact]
    public void A_stand_in_must_be_a_static_method()
    {
        Func<int, int, bool> instance = new Holder().Check;
        Assert.Throws<ArgumentException>(() => new QueryRule<Func<int, int, bool>>(instance, (value, limit) => value > limit));
    }

    private sealed class Holder
    {
        public bool Check(int value, int limit) => value > limit;
    }
}
