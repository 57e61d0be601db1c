namespace HsctJournals.Web.Photos;

/// <summary>Photos: upload and processing (libvips), storage in the database, serving under the access rule.</summary>
public static class PhotosExtensions
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PhotoProcessor>();
        services.AddScoped<PhotoBlobStore>();
        services.AddScoped<PhotoUpload>();
        services.AddScoped<PhotoAccess>();
        services.AddScoped<PostPhotos>();
        services.AddScoped<Journals.IPostReferences, PostPhotoReferences>();
        services.AddSingleton<SignedPhotoLinks>();
        services.AddSingleton<OutsidePhotoLinks>();
        services.AddScoped<PhotoLibrary>();
        services.AddScoped<PhotoFormUpload>();
        // The post editor takes photos in its own form (decision 0046).
        services.AddSingleton<Journals.IEditorUploads, EditorPhotos>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.Add(new EditorPhotos.Convention()));
        services.AddScoped<Journals.IJournalLinkSource, PhotoLinks>();
        return services;
    }

    public static WebApplication MapPhotos(this WebApplication app)
    {
        PhotoEndpoints.Map(app);
        return app;
    }
}
