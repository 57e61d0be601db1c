using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HsctJournals.Web.Caching;

/// <summary>
/// The shared page cache: ASP.NET Core output caching with one policy (<see cref="AnonymousPagePolicy"/>),
/// in this process by default and in Redis when <c>Cache:Redis</c> is set, plus the eviction service writes call.
/// </summary>
public static class CachingExtensions
{
    public static IServiceCollection AddPageCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>>((o, page) =>
        {
            o.SizeLimit = page.Value.SizeLimitMegabytes * 1024L * 1024L;
            o.AddBasePolicy(new AnonymousPagePolicy(page));
        });
        var redis = configuration[$"{PageCacheOptions.Section}:{nameof(PageCacheOptions.Redis)}"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton(provider => new SharedRedis(redis, provider.GetRequiredService<ILogger<SharedRedis>>()));
            services.AddStackExchangeRedisOutputCache(o => o.InstanceName = "hsct:");
            services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
                .Configure<SharedRedis>((o, shared) => o.ConnectionMultiplexerFactory = () => Task.FromResult(shared.Connection));
            ToleratingRedisOutages(services);
        }
        // Scoped: it defers to the request's DbContext, so an eviction inside a transaction waits for the commit.
        services.AddScoped<PageCacheEviction>();
        return services;
    }

    /// <summary>
    /// Wraps the Redis store the package registered in <see cref="OutageTolerantPageStore"/>: the package's store is
    /// internal, so it is built from the registration it made and that registration is replaced.
    /// </summary>
    private static void ToleratingRedisOutages(IServiceCollection services)
    {
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => new OutageTolerantPageStore(
            redisStore.ImplementationInstance as IOutputCacheStore
                ?? redisStore.ImplementationFactory?.Invoke(provider) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, redisStore.ImplementationType!),
            provider.GetRequiredService<SharedRedis>(), provider.GetRequiredService<ILogger<OutageTolerantPageStore>>()));
    }

    /// <summary>
    /// Serves anonymous readers from the cache. Responses no page marked shareable and that set no caching
    /// header of their own answer <c>private, no-cache</c>: a proxy must never keep someone's page.
    /// </summary>
    public static IApplicationBuilder UsePageCaching(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (!CacheablePage.IsShared(context) && !context.Response.Headers.ContainsKey("Cache-Control"))
                    context.Response.Headers.CacheControl = "private, no-cache";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app.UseOutputCache();
    }
}
