using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using HsctJournals.Web.Treatment.Fhir;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>
/// Firely's validator against the FHIR R4 core profiles, offline: the StructureDefinitions come from the
/// specification.zip of Hl7.Fhir.Specification.Data.R4, codes from the core value sets only.
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver));
    });

    private static readonly object Gate = new();

    /// <summary>Parses FHIR JSON as a Bundle, as a receiving system would.</summary>
    public static Bundle Parse(string json) => JsonSerializer.Deserialize<Bundle>(json, FhirJson.Options)!;

    /// <summary>Errors and fatal issues, one line each; empty when the resource conforms to its core profiles.</summary>
    public static List<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate) outcome = Shared.Value.Validate(resource);
        return outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Severity} {string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
    }
}
