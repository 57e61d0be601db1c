using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace HsctJournals.Web.Data;

/// <summary>
/// Writes a rule kept as an expression with parameters (who may read a journal, which comments a reader sees) into a
/// query, so that a compiled query (<see cref="CompiledQuery{TQuery}"/>) and an ordinary one state the rule by name and
/// the rule stays written once. In an ordinary query the arguments are captured variables, which EF sends as parameters.
/// </summary>
/// <remarks>
/// The query is written with calls to a stand-in method of the same parameters, which is never run: each such call is
/// replaced by the rule's body with the call's arguments in place of the rule's parameters, before EF sees the query.
/// </remarks>
public static class QueryRules
{
    public static Expression<T> Inline<T>(Expression<T> query, MethodInfo standIn, LambdaExpression rule) =>
        (Expression<T>)new Inliner(standIn, rule).Visit(query);

    private sealed class Inliner(MethodInfo standIn, LambdaExpression rule) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression call) =>
            call.Method == standIn
                ? new ReplacingExpressionVisitor(rule.Parameters, call.Arguments.Select(Visit).ToList()!).Visit(rule.Body)
                : base.VisitMethodCall(call);
    }
}
