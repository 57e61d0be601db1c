namespace HsctJournals.Web.Treatment;

public static class TreatmentExtensions
{
    /// <summary>The treatment course, labs, events, charts and sharing.</summary>
    public static IServiceCollection AddTreatment(this IServiceCollection services) => services;
}
