namespace HsctJournals.Web.Portability;

public static class PortabilityExtensions
{
    /// <summary>WordPress import and export, backups, account and journal deletion, personal-data tools.</summary>
    public static IServiceCollection AddPortability(this IServiceCollection services)
    {
        services.AddOptions<PortabilityOptions>().BindConfiguration(PortabilityOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<JournalDeleter>();
        services.AddScoped<AccountDeleter>();
        services.AddScoped<WordPressImporter>();
        services.AddScoped<UploadsImporter>();
        services.AddScoped<ImportRecovery>();
        services.AddScoped<WordPressExporter>();
        services.AddScoped<Backup.JournalSnapshot>();
        services.AddSingleton<Backup.StaticCopy>();
        services.AddScoped<Backup.BackupWriter>();
        services.AddScoped<Backup.BackupRestorer>();
        services.AddScoped<Backup.BackupUploads>();
        services.AddScoped<PersonalData.PersonalDataExport>();
        services.AddSingleton<YourComments.CommentAddressLinks>();
        services.AddSingleton<YourComments.CommentLinkRateLimit>();
        services.AddScoped<YourComments.CommentsByAddress>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportWorker>();
        return services;
    }

    public static WebApplication MapPortability(this WebApplication app)
    {
        app.UseMiddleware<LegacyRedirects>();
        app.MapExportEndpoints();
        return app;
    }
}
