using System.Text;
using HsctJournals.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Treatment.Fhir;

/// <summary>Writes a course's FHIR bundle as a download; callers decide who may see it (<see cref="TreatmentAccess"/>).</summary>
public sealed class FhirExport(IOptions<SiteOptions> site, TimeProvider clock)
{
    public Hl7.Fhir.Model.Bundle Bundle(CourseSnapshot snapshot) => CourseBundle.Build(snapshot, site.Value.Origin, clock.GetUtcNow());

    public FileContentHttpResult Result(CourseSnapshot snapshot, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(FhirJson.Serialize(Bundle(snapshot))), FhirJson.MediaType + "; charset=utf-8", fileName);
}
