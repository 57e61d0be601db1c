// The FHIR model is nullable throughout; the assertions below fail loudly on a missing element anyway.
#nullable disable warnings
using System.Net;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using HsctJournals.Web.Accounts;
using HsctJournals.Web.Journals;
using HsctJournals.Web.Tests.Api;
using HsctJournals.Web.Tests.Infrastructure;
using HsctJournals.Web.Treatment;
using Microsoft.Extensions.DependencyInjection;

namespace HsctJournals.Web.Tests.Treatment;

/// <summary>The FHIR R4 export (issue 9 item 5): what it holds, that Firely's validator accepts it, and who may have it.</summary>
public abstract class FhirExportTests(AppFactory app)
{
    /// <summary>
    /// A course with every kind of record: timed and untimed labs in every unit family, a WBC and % sample (derived ANC),
    /// a lab range, every event type, a prior DMT and declared engraftment.
    /// </summary>
    private async Task<(Journal Journal, Web.Shared.AppUser Owner, TreatmentCourse Course)> FullCourseAsync(TreatmentSharing sharing)
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var csv = TreatmentData.EngraftingCsv() + "\n"
            + string.Join("\n", Enumerable.Range(1, 16).Select(d => $"{TreatmentData.Day(d)},Platelets,{(d < 6 ? 60 - d * 10 : d * 5)},10^9/L"))
            + $"\n{TreatmentData.Day(12)},WBC,2.4,10^9/L\n{TreatmentData.Day(12)},Neutrophils %,60,%\n"
            + $"{TreatmentData.Day(13)},Haemoglobin,9.1,g/dL\n{TreatmentData.Day(13)},Lymphocytes,400,cells/µL\n"
            + $"{TreatmentData.Day(14)},CD4,210,cells/µL\n{TreatmentData.Day(-20)},CD34 (blood),35,/µL\n";
        var course = await app.CreateCourseAsync(journal, owner, sharing, csv);
        await app.WithScopeAsync(async sp =>
        {
            var access = sp.GetRequiredService<TreatmentAccess>();
            var owned = (await access.FindOwnedAsync(journal.Slug, new Reader(owner.Id, false), create: false, CancellationToken.None))!.Value.Course!;
            var details = await sp.GetRequiredService<CourseDetailsEditor>().UpdateCourseAsync(owned, new CourseInput
            {
                Condition = "RRMS", Centre = "Test Centre", DayZero = TreatmentData.Day(0), Sharing = sharing,
                DeclaredNeutrophilEngraftment = TreatmentData.Day(9), DeclaredPlateletEngraftment = TreatmentData.Day(11), InfusedCd34PerKg = "5,2",
            }, CancellationToken.None);
            Assert.True(details.Succeeded);
            var events = sp.GetRequiredService<EventRecorder>();
            EventInput[] inputs =
            [
                new() { Date = TreatmentData.Day(-30), Type = TreatmentEventType.Harvest, Value = "5.2" },
                new() { Date = TreatmentData.Day(4), Type = TreatmentEventType.Fever, Value = "101.3", Scale = Domain.Treatment.TemperatureScale.Fahrenheit },
                new() { Date = TreatmentData.Day(5), Type = TreatmentEventType.Transfusion, Product = Domain.Treatment.TransfusionProduct.Platelets, Detail = "pooled" },
                new() { Date = TreatmentData.Day(6), Type = TreatmentEventType.Transfusion, Product = Domain.Treatment.TransfusionProduct.RedCells },
                new() { Date = TreatmentData.Day(6), Type = TreatmentEventType.Complication, Detail = "Mucositis", Grade = 2 },
                new() { Date = TreatmentData.Day(7), Type = TreatmentEventType.Infection, Detail = "C. difficile", Grade = 3 },
                new() { Date = TreatmentData.Day(8), Type = TreatmentEventType.Mri, Detail = "stable" },
                new() { Date = TreatmentData.Day(180), Type = TreatmentEventType.Vaccination, Detail = "Pneumococcal conjugate, dose 1" },
                new() { Date = TreatmentData.Day(180), Type = TreatmentEventType.Edss, Value = "3.5" },
                new() { Date = TreatmentData.Day(180), Type = TreatmentEventType.TimedWalk, Value = "6.1" },
                new() { Date = TreatmentData.Day(180), Type = TreatmentEventType.NineHolePeg, Value = "21.4" },
                new() { Date = TreatmentData.Day(180), Type = TreatmentEventType.Sdmt, Value = "52" },
            ];
            foreach (var input in inputs)
            {
                var result = await events.AddEventAsync(owned, input, CancellationToken.None);
                Assert.True(result.Succeeded, input.Type + ": " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
            var dmt = await sp.GetRequiredService<PriorTherapyEditor>().AddPriorTherapyAsync(owned,
                new PriorTherapyInput { GenericName = "natalizumab", Brand = "Tysabri", Started = "2022-01-05", Stopped = TreatmentData.Day(-120), ReasonStopped = "breakthrough relapses" }, CancellationToken.None);
            Assert.True(dmt.Succeeded);
            // Last: the importer clears the change tracker, which would detach the course edited above.
            var report = await sp.GetRequiredService<LabImporter>().ImportRowsAsync(owned.Id,
                [new LabRowInput { Date = TreatmentData.Day(15), Time = "07:30", Analyte = "Hb", Value = "102", Unit = "g/L", ReferenceLow = "120", ReferenceHigh = "160", Note = "morning" }], false, CancellationToken.None);
            Assert.Equal(1, report.Imported);
        });
        return (journal, owner, course);
    }

    private static List<T> All<T>(Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().ToList();

    private static Observation Lab(Bundle bundle, string loinc, string day) =>
        All<Observation>(bundle).Single(o => o.Code.Coding[0].Code == loinc && o.Effective.ToString()!.StartsWith(day, StringComparison.Ordinal) && o.DerivedFrom.Count == 0);

    [Fact]
    public async Task A_course_with_every_kind_of_record_exports_a_bundle_that_firelys_validator_accepts()
    {
        var (journal, owner, _) = await FullCourseAsync(TreatmentSharing.OwnerOnly);
        var client = await app.SignedInClientAsync(owner);
        var response = await client.GetAsync($"/j/{journal.Slug}/treatment/export/fhir.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = FhirValidation.Parse(await response.Content.ReadAsStringAsync());

        Assert.Empty(FhirValidation.Errors(bundle));
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);

        var patient = Assert.Single(All<Patient>(bundle));
        Assert.Empty(patient.Name);
        var condition = Assert.Single(All<Condition>(bundle));
        Assert.Equal(["24700007", "G35"], condition.Code.Coding.Select(c => c.Code));
        var transplant = All<Procedure>(bundle).Single(p => p.Code.Coding[0].Code == "425983008");
        Assert.Equal(TreatmentData.Day(0), transplant.Performed.ToString());
        Assert.Equal(2, All<Procedure>(bundle).Count(p => p.Code.Coding[0].Code.StartsWith("transfusion-", StringComparison.Ordinal)));
        Assert.Single(All<Procedure>(bundle), p => p.Code.Coding[0].Code == "apheresis");

        // The CD34+ dose infused: LOINC 78002-3 in 10*6/kg, on Day 0, part of the transplant (domain/hsct.md §4, §10).
        var dose = All<Observation>(bundle).Single(o => o.Code.Coding[0].Code == "78002-3");
        Assert.Equal("http://loinc.org", dose.Code.Coding[0].System);
        Assert.Equal(("10*6/kg", "http://unitsofmeasure.org", 5.2m), (((Quantity)dose.Value).Code, ((Quantity)dose.Value).System, ((Quantity)dose.Value).Value));
        Assert.Equal(TreatmentData.Day(0), dose.Effective.ToString());
        Assert.Equal(bundle.Entry.Single(e => e.Resource == transplant).FullUrl, Assert.Single(dose.PartOf).Reference);

        // Counts: method-neutral LOINC, UCUM units, never "K/µL"; the entered unit is kept in a note.
        var anc = Lab(bundle, "26499-4", TreatmentData.Day(9));
        Assert.Equal(("10*9/L", "http://unitsofmeasure.org", 0.5m), (((Quantity)anc.Value).Code, ((Quantity)anc.Value).System, ((Quantity)anc.Value).Value));
        Assert.Equal("laboratory", anc.Category[0].Coding[0].Code);
        var lymphocytes = Lab(bundle, "731-0", TreatmentData.Day(13));
        Assert.Equal(0.4m, ((Quantity)lymphocytes.Value).Value);
        Assert.Contains("Entered as 400 cells/µL", lymphocytes.Note[0].Text);
        Assert.Equal("/uL", ((Quantity)Lab(bundle, "24467-3", TreatmentData.Day(14)).Value).Code);
        Assert.DoesNotContain(All<Observation>(bundle), o => o.Value is Quantity { Code: var code } && code.Contains('µ'));

        // A time is given with the owner's offset; the lab's range is converted with the value (102 g/L, 120–160 g/L).
        var hb = Lab(bundle, "718-7", TreatmentData.Day(15));
        Assert.Equal($"{TreatmentData.Day(15)}T07:30:00+00:00", hb.Effective.ToString());
        Assert.Equal((12m, 16m), (hb.ReferenceRange[0].Low.Value, hb.ReferenceRange[0].High.Value));

        // The derived ANC points at its WBC and % of the same sample.
        var derived = All<Observation>(bundle).Single(o => o.Code.Coding[0].Code == "26499-4" && o.DerivedFrom.Count > 0);
        Assert.Equal(1.44m, ((Quantity)derived.Value).Value);
        var sources = derived.DerivedFrom.Select(r => bundle.Entry.Single(e => e.FullUrl == r.Reference).Resource).Cast<Observation>().Select(o => o.Code.Coding[0].Code).Order();
        Assert.Equal(["26464-8", "770-8"], sources);

        // Computed and declared engraftment are separate Observations; the computed one comes from its run of three values.
        var local = All<Observation>(bundle).Where(o => o.Code.Coding[0].System.EndsWith("/fhir/CodeSystem/hsct-journals", StringComparison.Ordinal)).ToDictionary(o => o.Code.Coding[0].Code);
        Assert.Equal(TreatmentData.Day(9), local["neutrophil-engraftment-computed"].Value.ToString());
        Assert.Equal(3, local["neutrophil-engraftment-computed"].DerivedFrom.Count);
        Assert.Equal(TreatmentData.Day(9), local["neutrophil-engraftment-declared"].Value.ToString());
        Assert.Equal(TreatmentData.Day(11), local["platelet-engraftment-declared"].Value.ToString());
        Assert.Equal(("{score}", 3.5m), (((Quantity)local["edss"].Value).Code, ((Quantity)local["edss"].Value).Value));
        Assert.Equal("s", ((Quantity)local["t25fw"].Value).Code);
        Assert.Equal("s", ((Quantity)local["9hpt"].Value).Code);
        Assert.Equal("{score}", ((Quantity)local["sdmt"].Value).Code);

        var fever = All<Observation>(bundle).Single(o => o.Code.Coding[0].Code == "8310-5");
        Assert.Equal(("Cel", 38.5m), (((Quantity)fever.Value).Code, ((Quantity)fever.Value).Value));
        Assert.Contains("101.3 °F", fever.Note[0].Text);

        Assert.Equal("natalizumab (Tysabri)", Assert.Single(All<MedicationStatement>(bundle)).Medication is CodeableConcept m ? m.Text : null);
        Assert.Equal("Pneumococcal conjugate, dose 1", Assert.Single(All<Immunization>(bundle)).VaccineCode.Text);
        var adverse = All<AdverseEvent>(bundle);
        Assert.Equal(["Mucositis (CTCAE grade 2)", "C. difficile (CTCAE grade 3)"], adverse.Select(a => a.Event.Text));
        Assert.Equal(["moderate", "severe"], adverse.Select(a => a.Severity.Coding[0].Code));
    }

    [Fact]
    public async Task An_empty_course_exports_a_valid_bundle_with_only_the_patient_and_the_condition()
    {
        var owner = await app.CreateUserAsync();
        var journal = await app.CreateJournalAsync(owner, JournalVisibility.Public);
        var client = await app.SignedInClientAsync(owner);
        // A course with nothing in it yet (no Day 0, no values), as the edit form saves it.
        await (await Forms.GetAsync(client, $"/j/{journal.Slug}/treatment/edit")).PostAsync(client, new() { ["Input.Condition"] = "RRMS" }, $"/j/{journal.Slug}/treatment/edit?handler=Course");
        var api = app.ApiClient(await app.TokenForAsync(owner));
        var response = await api.GetAsync($"/api/v1/journals/{journal.Slug}/treatment/fhir");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = FhirValidation.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(FhirValidation.Errors(bundle));
        Assert.Equal(["Patient", "Condition"], bundle.Entry.Select(e => e.Resource.TypeName));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/j/{journal.Slug}/treatment/export/fhir.json")).StatusCode);
    }

    [Fact]
    public async Task The_export_is_refused_exactly_like_a_missing_course_to_anyone_the_sharing_rule_refuses()
    {
        var (journal, owner, course) = await FullCourseAsync(TreatmentSharing.OwnerOnly);
        var stranger = await app.CreateUserAsync();
        var reader = await app.CreateUserAsync();
        await app.AddMemberAsync(journal, reader, JournalRole.ApprovedReader);
        foreach (var client in new[] { app.AnonymousClient(), await app.SignedInClientAsync(stranger), await app.SignedInClientAsync(reader) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/j/{journal.Slug}/treatment/export/fhir.json")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/j/no-such-journal/treatment/export/fhir.json")).StatusCode);
        }
        foreach (var who in new[] { stranger, reader })
        {
            var api = app.ApiClient(await app.TokenForAsync(who));
            var refused = await api.GetAsync($"/api/v1/journals/{journal.Slug}/treatment/fhir");
            var missing = await api.GetAsync("/api/v1/journals/no-such-journal/treatment/fhir");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync("/clinician/not-a-token/fhir.json")).StatusCode);

        // A clinician link the owner made offers it.
        var token = await app.ClinicianLinkAsync(course.Id);
        var response = await app.AnonymousClient().GetAsync($"/clinician/{token}/fhir.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true });
    }
}

public sealed class FhirExportTestsOnSqlite(SqliteApp app) : FhirExportTests(app), IClassFixture<SqliteApp>;
public sealed class FhirExportTestsOnPostgres(PostgresApp app) : FhirExportTests(app), IClassFixture<PostgresApp>;
