using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HsctJournals.Web.Data;

/// <summary>
/// A query EF Core translates once (<see cref="EF.CompileAsyncQuery{TContext,TResult}(System.Linq.Expressions.Expression{Func{TContext,TResult}})"/>)
/// instead of at every call, for the statements every comment POST or journal page runs (decision 0061).
/// </summary>
/// <remarks>
/// A LINQ query costs work before its SQL is even looked up: the C# compiler's code builds its expression tree again at
/// each call (every property in it asks reflection for its type's properties), and EF walks that tree for parameters and
/// hashes it for its cache. A compiled query does that once. A compiled query belongs to one model, and the SQLite and
/// PostgreSQL contexts have different ones (the tests run both in one process), so one is compiled per model on its
/// first use.
/// </remarks>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => _byModel.TryGetValue(db.Model, out var query) ? query : _byModel.GetOrAdd(db.Model, _ => compile());
}
