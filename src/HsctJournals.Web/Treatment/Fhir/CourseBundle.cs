using System.Security.Cryptography;
using System.Text;
using HsctJournals.Domain.Treatment;
using Hl7.Fhir.Model;

namespace HsctJournals.Web.Treatment.Fhir;

/// <summary>
/// The treatment course as a FHIR R4 <see cref="Bundle"/> of type collection (issue 9 item 5,
/// domain/hsct.md §10): a pseudonymous Patient, the MS Condition, the transplant, apheresis and
/// transfusion Procedures, one Observation per lab value (derived ANC with derivedFrom its WBC
/// and %), computed and clinic-declared engraftment, outcome scores, prior DMTs as
/// MedicationStatement, vaccinations as Immunization and complications and infections as
/// AdverseEvent. Entries are referenced by urn:uuid full URLs that are stable for the same record.
/// </summary>
public static class CourseBundle
{
    /// <summary>Builds the bundle. <paramref name="origin"/> is Site:BaseUrl (the local code system lives under it).</summary>
    public static Bundle Build(CourseSnapshot s, string origin, DateTimeOffset now)
    {
        var b = new Builder(s, origin);
        b.Add();
        return new Bundle { Type = Bundle.BundleType.Collection, Timestamp = now, Entry = b.Entries };
    }

    private sealed class Builder(CourseSnapshot s, string origin)
    {
        public List<Bundle.EntryComponent> Entries { get; } = [];
        private readonly string _local = FhirCodes.Local(origin);
        private readonly Dictionary<int, string> _labUrls = [];
        private string _patient = "";

        public void Add()
        {
            _patient = Url("patient", 0);
            Entries.Add(Entry(_patient, new Patient
            {
                // Pseudonymous: no name, birth date or contact; only an identifier that means nothing outside this installation.
                Identifier = [new Identifier(origin.TrimEnd('/') + "/fhir/patient", _patient["urn:uuid:".Length..])],
            }));
            Entries.Add(Entry(Url("condition", 0), new Condition
            {
                ClinicalStatus = FhirCodes.Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"),
                VerificationStatus = FhirCodes.Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"),
                // domain/hsct.md §10: SNOMED CT 24700007, ICD-10 G35.
                Code = new CodeableConcept
                {
                    Coding = [new Coding(FhirCodes.Snomed, "24700007", "Multiple sclerosis"), new Coding(FhirCodes.Icd10, "G35", "Multiple sclerosis")],
                    Text = s.Course.Condition is { Length: > 0 } c ? $"Multiple sclerosis ({c})" : "Multiple sclerosis",
                },
                Subject = Ref(_patient),
            }));
            AddTransplant();
            AddInfusedDose();
            AddLabs();
            AddEngraftment();
            AddEvents();
            AddPriorTherapies();
        }

        private void AddTransplant()
        {
            if (s.Course.DayZero is not { } dayZero) return;
            var planned = dayZero > s.Today;
            var procedure = new Procedure
            {
                // domain/hsct.md §10: autologous peripheral blood stem cell transplant, performed = Day 0.
                Status = planned ? EventStatus.Preparation : EventStatus.Completed,
                Code = FhirCodes.Concept(FhirCodes.Snomed, "425983008", "Autologous peripheral blood stem cell transplant"),
                Subject = Ref(_patient),
                Note = planned ? [Note($"Day 0 planned for {TreatmentText.Iso(dayZero)}.")] : [],
            };
            if (!planned) procedure.Performed = Date(dayZero);
            if (s.Course.Centre is { Length: > 0 } centre) procedure.Note.Add(Note($"Centre: {centre}."));
            Entries.Add(Entry(Url("transplant", 0), procedure));
        }

        /// <summary>The CD34+ dose infused (domain/hsct.md §4, §10), part of the transplant when Day 0 is known.</summary>
        private void AddInfusedDose()
        {
            if (s.Course.InfusedCd34PerKg is not { } dose) return;
            var (code, display) = FhirCodes.Cd34DosePerKg;
            var o = new Observation
            {
                Status = ObservationStatus.Final,
                // Counted by the cell-processing laboratory on the graft, per kg of the recipient.
                Category = [FhirCodes.Concept(FhirCodes.ObservationCategory, "laboratory", "Laboratory")],
                Code = FhirCodes.Concept(FhirCodes.Loinc, code, display),
                Subject = Ref(_patient),
                Value = FhirCodes.Quantity(dose, Cd34Dose.Ucum),
            };
            if (s.Course.DayZero is { } dayZero)
            {
                o.Effective = Date(dayZero);
                o.PartOf = [Ref(Url("transplant", 0))];
            }
            Entries.Add(Entry(Url("infused-cd34", 0), o));
        }

        private void AddLabs()
        {
            foreach (var l in s.Labs.OrderBy(l => l.Date).ThenBy(l => l.Time).ThenBy(l => l.Id))
            {
                var url = Url("lab", l.Id);
                _labUrls[l.Id] = url;
                var (code, display) = FhirCodes.LabLoinc(l.Analyte);
                var o = LabObservation(code, display, l.Date, l.Time, FhirCodes.Quantity(l.Value, l.Ucum));
                if (Range(l) is { } range) o.ReferenceRange.Add(range);
                // The unit as entered is kept beside the UCUM value (issue 9 item 5).
                o.Note.Add(Note($"Entered as {TreatmentText.Number(l.OriginalValue)} {l.OriginalUnit}." + (l.Note is { Length: > 0 } n ? $" {n}" : "")));
                Entries.Add(Entry(url, o));
            }
            // domain/hsct.md §5: an ANC derived per sample (WBC × neutrophil % / 100) is marked derived and points at both values.
            foreach (var anc in s.Engraftment?.Anc.Where(a => a.Derived) ?? [])
            {
                var wbc = SampleOf(LabAnalyte.Wbc, anc.Date, anc.Time);
                var percent = SampleOf(LabAnalyte.NeutrophilPercent, anc.Date, anc.Time);
                if (wbc is null || percent is null) continue;
                var (code, display) = FhirCodes.LabLoinc(LabAnalyte.Anc);
                var o = LabObservation(code, display, anc.Date, anc.Time, FhirCodes.Quantity(anc.Value, "10*9/L"));
                o.DerivedFrom = [Ref(_labUrls[wbc.Id]), Ref(_labUrls[percent.Id])];
                o.Note.Add(Note("Derived: WBC × neutrophil % / 100 of the same sample (CIBMTR)."));
                Entries.Add(Entry(DerivedAncUrl(anc), o));
            }
        }

        private void AddEngraftment()
        {
            if (s.Engraftment is { } report)
            {
                var anc = s.Engraftment.Anc.Select(a => (a.Date, a.Time, Url: a.Derived ? DerivedAncUrl(a) : MeasuredAncUrl(a))).Where(a => a.Url is not null).Select(a => (a.Date, a.Time, a.Url!)).ToList();
                var platelets = s.Labs.Where(l => l.Analyte == LabAnalyte.Platelets).Select(l => (l.Date, l.Time, _labUrls[l.Id])).ToList();
                Computed("neutrophil-engraftment-computed", "Neutrophil engraftment (ANC ≥ 0.5 × 10⁹/L), computed by the CIBMTR rules", report.Neutrophils, anc);
                Computed("platelet-engraftment-20-computed", "Platelet engraftment (≥ 20 × 10⁹/L, transfusion-free), computed by the CIBMTR rules", report.Platelets20, platelets);
                Computed("platelet-engraftment-50-computed", "Platelet engraftment (≥ 50 × 10⁹/L, transfusion-free), computed by the CIBMTR rules", report.Platelets50, platelets);
            }
            // domain/hsct.md §5: the clinic's declared date is kept apart from the computed one.
            Declared("neutrophil-engraftment-declared", "Neutrophil engraftment as declared by the clinic", s.Course.DeclaredNeutrophilEngraftment);
            Declared("platelet-engraftment-declared", "Platelet engraftment as declared by the clinic", s.Course.DeclaredPlateletEngraftment);
        }

        private void Computed(string code, string display, EngraftmentOutcome outcome, List<(DateOnly Date, TimeOnly? Time, string Url)> values)
        {
            var o = new Observation
            {
                Status = ObservationStatus.Final,
                Code = FhirCodes.Concept(_local, code, display),
                Subject = Ref(_patient),
            };
            if (outcome is EngraftmentOutcome.Engrafted e)
            {
                o.Effective = Date(e.Date);
                o.Value = Date(e.Date);
                o.Note.Add(Note($"{e.DayLabel}: the first of three qualifying values on different days, counted after the nadir."));
                // The run: the day's last value of the first three days from the engraftment date (§5).
                o.DerivedFrom = values.Where(v => v.Date >= e.Date).GroupBy(v => v.Date).OrderBy(g => g.Key).Take(3)
                    .Select(g => Ref(g.OrderBy(v => v.Time.HasValue).ThenBy(v => v.Time).Last().Url)).ToList();
            }
            else
            {
                o.Effective = Date(s.Today);
                o.Value = FhirCodes.Concept(_local, outcome.Status, outcome switch
                {
                    EngraftmentOutcome.NotYet => "Not yet",
                    EngraftmentOutcome.NeverBelow => "Never below the threshold (CIBMTR: not applicable)",
                    _ => "Cannot be computed",
                });
                o.Note.Add(Note(outcome switch
                {
                    EngraftmentOutcome.NotYet n => n.Reason,
                    EngraftmentOutcome.NeverBelow n => n.Reason,
                    EngraftmentOutcome.CannotCompute n => n.Reason,
                    _ => outcome.Status,
                }));
            }
            Entries.Add(Entry(Url(code, 0), o));
        }

        private void Declared(string code, string display, DateOnly? date)
        {
            if (date is not { } d) return;
            Entries.Add(Entry(Url(code, 0), new Observation
            {
                Status = ObservationStatus.Final,
                Code = FhirCodes.Concept(_local, code, display),
                Subject = Ref(_patient),
                Effective = Date(d),
                Value = Date(d),
            }));
        }

        private void AddEvents()
        {
            foreach (var e in s.Events.OrderBy(e => e.Date).ThenBy(e => e.Id))
            {
                Resource? resource = e.Type switch
                {
                    TreatmentEventType.Fever when e.Value is { } celsius => Fever(e, celsius),
                    TreatmentEventType.Edss when e.Value is { } v => Score(e, "edss", "Expanded Disability Status Scale (EDSS)", v, "{score}"),
                    TreatmentEventType.TimedWalk when e.Value is { } v => Score(e, "t25fw", "Timed 25-foot walk (T25FW)", v, "s"),
                    TreatmentEventType.NineHolePeg when e.Value is { } v => Score(e, "9hpt", "9-hole peg test (9HPT)", v, "s"),
                    TreatmentEventType.Sdmt when e.Value is { } v => Score(e, "sdmt", "Symbol Digit Modalities Test (SDMT)", v, "{score}"),
                    TreatmentEventType.Harvest => EventProcedure(e, "apheresis", "Stem cell apheresis (harvest)",
                        e.Value is { } yield ? $"CD34+ collected: {TreatmentText.Number(yield)} × 10⁶/kg." : null),
                    TreatmentEventType.Transfusion => EventProcedure(e, e.Product is { } p ? "transfusion-" + p.ToString().ToLowerInvariant() : "transfusion",
                        e.Product is { } q ? $"Transfusion: {TreatmentEvents.ProductName(q).ToLowerInvariant()}" : "Transfusion (product not recorded)", e.Detail),
                    TreatmentEventType.Vaccination => new Immunization
                    {
                        Status = Immunization.ImmunizationStatusCodes.Completed,
                        VaccineCode = new CodeableConcept { Text = e.Detail ?? "Vaccine" },
                        Patient = Ref(_patient),
                        Occurrence = Date(e.Date),
                        Note = e.Note is { Length: > 0 } n ? [Note(n)] : [],
                    },
                    TreatmentEventType.Complication or TreatmentEventType.Infection => Adverse(e),
                    _ => null, // MRI and relapse notes are journal text, not coded data; not exported.
                };
                if (resource is not null) Entries.Add(Entry(Url("event", e.Id), resource));
            }
        }

        private Observation Fever(TreatmentEvent e, decimal celsius)
        {
            var o = new Observation
            {
                Status = ObservationStatus.Final,
                Category = [FhirCodes.Concept(FhirCodes.ObservationCategory, "vital-signs", "Vital Signs")],
                Code = FhirCodes.Concept(FhirCodes.Loinc, "8310-5", "Body temperature"),
                Subject = Ref(_patient),
                Effective = Date(e.Date),
                Value = FhirCodes.Quantity(celsius, "Cel"),
            };
            if (e.EnteredAs is { } typed) o.Note.Add(Note($"Entered as {typed}."));
            return o;
        }

        private Observation Score(TreatmentEvent e, string code, string display, decimal value, string ucum) => new()
        {
            // domain/hsct.md §10: no LOINC code found for these; a local code system with UCUM units.
            Status = ObservationStatus.Final,
            Category = [FhirCodes.Concept(FhirCodes.ObservationCategory, "exam", "Exam")],
            Code = FhirCodes.Concept(_local, code, display),
            Subject = Ref(_patient),
            Effective = Date(e.Date),
            Value = FhirCodes.Quantity(value, ucum),
        };

        private Procedure EventProcedure(TreatmentEvent e, string code, string display, string? note)
        {
            var p = new Procedure
            {
                Status = EventStatus.Completed,
                Code = FhirCodes.Concept(_local, code, display),
                Subject = Ref(_patient),
                Performed = Date(e.Date),
            };
            if (note is { Length: > 0 }) p.Note.Add(Note(note));
            return p;
        }

        private AdverseEvent Adverse(TreatmentEvent e)
        {
            // CTCAE grades (§7) in the R4 severity codes: 1 mild, 2 moderate, 3–5 severe; grade 5 is a fatal outcome.
            // The grade itself is in the event text, as the HL7 CTCAE guide is still a draft (§10).
            var what = e.Detail ?? TreatmentEvents.Name(e.Type);
            var a = new AdverseEvent
            {
                Actuality = AdverseEvent.AdverseEventActuality.Actual,
                Event = new CodeableConcept { Text = e.Grade is { } g ? $"{what} (CTCAE grade {g})" : what },
                Subject = Ref(_patient),
                Date = TreatmentText.Iso(e.Date),
            };
            if (e.Grade is { } grade)
            {
                var severity = grade switch { 1 => "mild", 2 => "moderate", _ => "severe" };
                a.Severity = FhirCodes.Concept("http://terminology.hl7.org/CodeSystem/adverse-event-severity", severity, char.ToUpperInvariant(severity[0]) + severity[1..]);
                if (grade == 5) a.Outcome = FhirCodes.Concept("http://terminology.hl7.org/CodeSystem/adverse-event-outcome", "fatal", "Fatal");
            }
            return a;
        }

        private void AddPriorTherapies()
        {
            foreach (var t in s.Course.PriorTherapies.OrderBy(t => t.Started).ThenBy(t => t.Id))
            {
                var m = new MedicationStatement
                {
                    // domain/hsct.md §10: MedicationStatement for patient-reported DMT history.
                    Status = t.Stopped is null ? MedicationStatement.MedicationStatusCodes.Active : MedicationStatement.MedicationStatusCodes.Completed,
                    Medication = new CodeableConcept { Text = t.Brand is { Length: > 0 } brand ? $"{t.GenericName} ({brand})" : t.GenericName },
                    Subject = Ref(_patient),
                };
                if (t.Started is not null || t.Stopped is not null)
                    m.Effective = new Period { Start = t.Started is { } a ? TreatmentText.Iso(a) : null, End = t.Stopped is { } z ? TreatmentText.Iso(z) : null };
                if (t.LastDose is { } last) m.Note.Add(Note($"Last dose {TreatmentText.Iso(last)}."));
                if (t.ReasonStopped is { Length: > 0 } why) m.Note.Add(Note($"Stopped because: {why}"));
                Entries.Add(Entry(Url("dmt", t.Id), m));
            }
        }

        private Observation LabObservation(string code, string display, DateOnly date, TimeOnly? time, Quantity value) => new()
        {
            Status = ObservationStatus.Final,
            Category = [FhirCodes.Concept(FhirCodes.ObservationCategory, "laboratory", "Laboratory")],
            Code = FhirCodes.Concept(FhirCodes.Loinc, code, display),
            Subject = Ref(_patient),
            Effective = time is { } t ? ZonedTime(date, t) : Date(date),
            Value = value,
        };

        /// <summary>The lab's range, entered in the same unit as the value, in the canonical unit.</summary>
        private static Observation.ReferenceRangeComponent? Range(LabResult l)
        {
            if (l.ReferenceLow is null && l.ReferenceHigh is null) return null;
            Quantity? Canonical(decimal? v) => v is { } x && LabUnits.ToCanonical(l.Analyte, x, l.OriginalUnit) is { IsSuccess: true } c
                ? FhirCodes.Quantity(c.Value.Value, l.Ucum) : null;
            return new Observation.ReferenceRangeComponent { Low = Canonical(l.ReferenceLow), High = Canonical(l.ReferenceHigh) };
        }

        /// <summary>The last stored value of an analyte in one sample (same date and time).</summary>
        private LabResult? SampleOf(LabAnalyte analyte, DateOnly date, TimeOnly? time) =>
            s.Labs.Where(l => l.Analyte == analyte && l.Date == date && l.Time == time).MaxBy(l => l.Id);

        private string? MeasuredAncUrl(AncValue a) =>
            s.Labs.Where(l => l.Analyte == LabAnalyte.Anc && l.Date == a.Date && l.Time == a.Time && l.Value == a.Value).MaxBy(l => l.Id) is { } l ? _labUrls[l.Id] : null;

        private string DerivedAncUrl(AncValue a) => Url("derived-anc", 0, $"{TreatmentText.Iso(a.Date)}T{a.Time}");

        /// <summary>A local date and time on the owner's calendar, with its offset (domain/hsct.md §2).</summary>
        private FhirDateTime ZonedTime(DateOnly date, TimeOnly time)
        {
            var local = date.ToDateTime(time);
            return new FhirDateTime(new DateTimeOffset(local, s.Zone.GetUtcOffset(local)));
        }

        private static FhirDateTime Date(DateOnly d) => new(d.Year, d.Month, d.Day);

        private static Annotation Note(string text) => new() { Text = text };

        private static ResourceReference Ref(string url) => new(url);

        private static Bundle.EntryComponent Entry(string url, Resource r) => new() { FullUrl = url, Resource = r };

        /// <summary>A urn:uuid that stays the same for the same record of the same course, so two exports can be compared.</summary>
        private string Url(string kind, int id, string extra = "")
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{s.Course.Id}|{kind}|{id}|{extra}"));
            return "urn:uuid:" + new Guid(hash.AsSpan(0, 16));
        }
    }
}
