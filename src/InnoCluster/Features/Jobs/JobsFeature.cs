namespace InnoCluster.Features.Jobs;

/// <summary>The pages and API of background jobs; the engine (queue, runner, kinds) is in Infrastructure.Jobs.</summary>
public static class JobsFeature
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddScoped<GetJob>();
        services.AddScoped<ListJobs>();
        return services;
    }
}
