using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace HsctJournals.Web.Data;

/// <summary>
/// A rule kept as an expression with parameters (who may read a journal, which comments a reader sees, whether a post is
/// live), with the stand-in method that names it inside queries, so that a compiled query (<see cref="CompiledQuery{TQuery}"/>)
/// and an ordinary one both state the rule by name and the rule stays written once. In an ordinary query the arguments
/// are captured variables, which EF sends as parameters.
/// </summary>
/// <remarks>
/// A query is written with calls to the stand-in, which is never run: <see cref="Inline{T}"/> replaces each such call by
/// the rule's body with the call's arguments in place of the rule's parameters, before EF sees the query. The stand-in
/// and the rule share one delegate type, so the compiler checks that they take the same parameters.
/// </remarks>
public sealed class QueryRule<TRule> where TRule : Delegate
{
    private readonly MethodInfo standIn;
    private readonly Expression<TRule> rule;

    public QueryRule(TRule standIn, Expression<TRule> rule)
    {
        if (!standIn.Method.IsStatic) throw new ArgumentException("The stand-in must be a static method.", nameof(standIn));
        this.standIn = standIn.Method;
        this.rule = rule;
    }

    /// <summary>The query with each call of the stand-in written out as the rule.</summary>
    public Expression<T> Inline<T>(Expression<T> query) => (Expression<T>)new Inliner(this).Visit(query);

    private sealed class Inliner(QueryRule<TRule> owner) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression call) =>
            call.Method == owner.standIn
                ? new ReplacingExpressionVisitor(owner.rule.Parameters, call.Arguments.Select(Visit).ToList()!).Visit(owner.rule.Body)
                : base.VisitMethodCall(call);
    }
}

/// <summary>What the stand-ins of every <see cref="QueryRule{TRule}"/> share.</summary>
public static class QueryRule
{
    /// <summary>What a stand-in throws if something runs it outside a query.</summary>
    public static InvalidOperationException StandInCalled(string rule) =>
        new($"A stand-in for {rule} in a query, written out by QueryRule.Inline before EF translates the query; never called.");
}
