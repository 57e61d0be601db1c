using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace HsctJournals.Web.Treatment.Fhir;

/// <summary>FHIR JSON through the Firely SDK's System.Text.Json converters (the SDK writes and checks the FHIR shapes, not us).</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    /// <summary>Options for FHIR R4 resources; also what a reader of the export parses it back with.</summary>
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions { WriteIndented = true }.ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options);
}
