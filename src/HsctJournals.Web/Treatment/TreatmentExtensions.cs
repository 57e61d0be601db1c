namespace HsctJournals.Web.Treatment;

public static class TreatmentExtensions
{
    /// <summary>The treatment course, labs, events, charts and sharing.</summary>
    public static IServiceCollection AddTreatment(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<TreatmentAccess>();
        services.AddScoped<TreatmentQueries>();
        services.AddScoped<Fhir.FhirExport>();
        // One small use-case class per kind of record (issue 7 item 4), sharing CourseStore.
        services.AddScoped<CourseStore>();
        services.AddScoped<CourseDetailsEditor>();
        services.AddScoped<PhaseRecorder>();
        services.AddScoped<DrugLineEditor>();
        services.AddScoped<PriorTherapyEditor>();
        services.AddScoped<EventRecorder>();
        services.AddScoped<FollowUpEditor>();
        services.AddScoped<ClinicianLinkEditor>();
        services.AddScoped<LabResultEditor>();
        services.AddScoped<LabImporter>();
        services.AddScoped<Journals.IPostEmbeds, Embeds.PostEmbeds>();
        services.AddScoped<Days.PostDays>();
        services.AddScoped<Journals.ICourseDayZeros, CourseDayZeros>();
        services.AddScoped<Journals.IJournalLinkSource, TreatmentLinks>();
        return services;
    }

    /// <summary>Chart images, CSV exports and the follow-up calendar (the pages carry their own routes).</summary>
    public static WebApplication MapTreatment(this WebApplication app)
    {
        TreatmentEndpoints.Map(app);
        return app;
    }
}
