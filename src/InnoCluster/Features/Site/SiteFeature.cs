namespace InnoCluster.Features.Site;

/// <summary>The site's conventions as a Chinese government site keeps them: who runs it (footer identity), contact, site map.</summary>
public static class SiteFeature
{
    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<GetSiteProfile>();
        services.AddScoped<UpdateSiteProfile>();
        return services;
    }
}
