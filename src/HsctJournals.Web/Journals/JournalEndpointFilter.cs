using HsctJournals.Web.Accounts;
using HsctJournals.Web.Shared;
using HsctJournals.Web.Journals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HsctJournals.Web.Journals;

/// <summary>
/// The API's side of the one guard: resolves the {journal} route value into the request's
/// <see cref="JournalContext"/> before the handler runs and checks the capability the endpoint needs.
/// A journal the caller may not read, and one they read without being a member, answer the same 404 as
/// a missing one; a member whose role lacks the capability gets 403, since they already know it exists.
/// Handlers then take <see cref="JournalContext"/> as a parameter and never look the journal up again.
/// </summary>
public static class JournalEndpointFilter
{
    public static TBuilder RequireJournal<TBuilder>(this TBuilder builder, JournalCapability capability = JournalCapability.Read,
        string forbidden = "Your role in this journal does not allow this.", Func<ProblemHttpResult>? notFound = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new JournalCapabilityMetadata(capability)).AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var journal = http.RequestServices.GetRequiredService<JournalContext>();
            var missing = notFound ?? ApiProblems.JournalNotFound;
            await http.RequestServices.GetRequiredService<Data.RequestConnection>().KeepOpenAsync(http.RequestAborted);
            if (http.GetRouteValue("journal") is not string slug || !await journal.ResolveForAsync(http, slug))
                return missing();
            if (journal.Can(capability)) return await next(invocation);
            return journal.Role is null ? missing() : ApiProblems.Forbidden(forbidden);
        });
}

/// <summary>The capability an API endpoint's journal needs, so the OpenAPI document can list its 403 (<c>Api/ApiResponsesTransformer</c>).</summary>
public sealed record JournalCapabilityMetadata(JournalCapability Capability);
