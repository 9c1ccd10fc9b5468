using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Infrastructure.Seeding;

namespace InnoCluster.Features.Registry;

/// <summary>The enterprise registry and industry chain map: its services, seed, CLI verbs and endpoints.</summary>
public static class RegistryFeature
{
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection("Registry:Import"));
        services.Configure<ChainMapOptions>(configuration.GetSection("Registry:ChainMap"));
        services.AddSingleton<EnterpriseSearchIndexer>();
        services.AddSingleton<IRebuildableIndex>(sp => sp.GetRequiredService<EnterpriseSearchIndexer>());
        services.AddScoped<ListEnterprises>();
        services.AddScoped<Workspace.ISavedSearchSource, EnterpriseListSource>();
        services.AddScoped<GetEnterprise>();
        services.AddScoped<ChainMap>();
        services.AddScoped<ListDistricts>();
        services.AddScoped<ListCarriers>();
        services.AddScoped<ExportCarriers>();
        services.AddScoped<RegistryOverview>();
        services.AddScoped<UpdateEnterpriseProfile>();
        services.AddScoped<UpdateEnterpriseFacts>();
        services.AddScoped<DecideFactChange>();
        services.AddScoped<ListFactChanges>();
        services.AddScoped<Workspace.IWorkspaceSource, FactChangesWorkspaceSource>();
        services.AddScoped<GrantRecord>();
        services.AddScoped<GetTrackRecord>();
        services.AddScoped<AddEnterpriseRecord>();
        services.AddScoped<DecideEnterpriseRecord>();
        services.AddScoped<ListEnterpriseRecords>();
        services.AddScoped<ListCountedRecords>();
        services.AddScoped<ImportEnterpriseRecords>();
        services.AddScoped<ImportCarriers>();
        services.AddScoped<SaveCarrier>();
        services.AddScoped<RecordCarrierStage>();
        services.AddScoped<RecordCarrierCapacity>();
        services.AddScoped<ListProjects>();
        services.AddScoped<ListInvestmentTargets>();
        services.AddScoped<SaveProject>();
        services.AddScoped<RecordProjectStage>();
        services.AddScoped<IRegistryDirectory, RegistryDirectory>();
        services.AddScoped<EnterpriseFactSheets>();
        services.AddScoped<RegistryCounts>();
        services.AddSingleton(sp => new RegistryCountCache(sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<EnterpriseImport>();
        services.AddSingleton<Infrastructure.Jobs.IJobKind, EnterpriseImportJob>();
        services.AddScoped<ImportMappings>();
        services.AddScoped<ExportEnterprises>();
        services.AddSingleton<ISeedStep, RegistrySeedStep>();
        services.AddSingleton<ISeedStep, ProjectSeedStep>();
        services.AddSingleton<ISeedStep, NameOrderSeedStep>();
        services.AddSingleton<ISeedStep, ImportMappingSeedStep>();
        services.AddSingleton<ICliVerb, ImportEnterprisesVerb>();
        services.AddSingleton<ICliVerb, ExportEnterprisesVerb>();
        services.AddSingleton<ICliVerb, MappingsVerb>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        app.MapRegistryApi();
        app.MapRecordsApi();
        app.MapCarriersApi();
        app.MapProjectsApi();
        return app;
    }
}
