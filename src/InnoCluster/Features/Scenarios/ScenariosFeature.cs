using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// The scenario marketplace: demands (owners write, officials review and publish), solutions (vendors),
/// explained matching both ways with officials' pins and exclusions, the docking pipeline with its events,
/// the funnel dashboard and the case collection.
/// </summary>
public static class ScenariosFeature
{
    public static IServiceCollection AddScenarios(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MatchingOptions>(configuration.GetSection("Scenarios:Matching"));
        services.AddScoped<DemandImport>();
        services.AddScoped<DemandQueries>();
        services.AddScoped<RecordDemonstrationCase>();
        services.AddScoped<Registry.IEnterpriseTrackRecord, CasesTrackRecord>();
        services.AddScoped<Workspace.ISavedSearchSource, DemandListSource>();
        services.AddScoped<ExportDemands>();
        services.AddScoped<ExportSolutions>();
        services.AddScoped<ScenarioLists>();
        services.AddScoped<MatchFinder>();
        services.AddScoped<Workspace.IPushSource, DemandPushSource>();
        services.AddScoped<Workspace.IWorkspaceSource, MatchesWorkspaceSource>();
        services.AddScoped<MatchDecisions>();
        services.AddSingleton<TermStatistics>();
        services.AddScoped<DemandFields>();
        services.AddScoped<SolutionFields>();
        services.AddScoped<CreateDemand>();
        services.AddScoped<UpdateDemand>();
        services.AddScoped<OpenDemandForEditing>();
        services.AddScoped<PublishDemand>();
        services.AddScoped<CloseDemand>();
        services.AddScoped<CreateSolution>();
        services.AddScoped<UpdateSolution>();
        services.AddScoped<OpenSolutionForEditing>();
        services.AddScoped<ProposeDocking>();
        services.AddScoped<MoveDocking>();
        services.AddScoped<GetDocking>();
        services.AddScoped<ListDemandPairs>();
        services.AddScoped<CreateDockingEvent>();
        services.AddScoped<GetDockingEvent>();
        services.AddScoped<InviteToEvent>();
        services.AddScoped<RecordMeeting>();
        services.AddScoped<ScenarioFunnel>();
        services.AddScoped<SolutionQueries>();
        services.AddSingleton<DemandIndex>();
        services.AddSingleton<SolutionIndex>();
        services.AddSingleton<IRebuildableIndex>(sp => sp.GetRequiredService<DemandIndex>());
        services.AddSingleton<IRebuildableIndex>(sp => sp.GetRequiredService<SolutionIndex>());
        services.AddSingleton<ICliVerb, ImportDemandsVerb>();
        services.AddSingleton<InnoCluster.Infrastructure.Seeding.ISeedStep, ScenarioSeedStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapScenarios(this IEndpointRouteBuilder app) => app.MapScenariosApi();

    /// <summary>The person acting (see <see cref="ScenarioActor.Of"/>).</summary>
    public static ScenarioActor Actor(ClaimsPrincipal user) => ScenarioActor.Of(user);
}

public sealed class ImportDemandsVerb : ICliVerb
{
    public IReadOnlyList<string> Words { get; } = ["import", "demands"];

    public string Usage => "import demands FILE [--dry-run]  technology/scenario demands as drafts; all-or-nothing, idempotent by id";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var file = command.Words.Skip(2).FirstOrDefault();
        if (file is null)
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"ERROR {file}: 文件不存在 / no such file");
            return 1;
        }

        var dryRun = command.Flag("dry-run");
        var report = await services.GetRequiredService<DemandImport>().RunAsync(file, await File.ReadAllTextAsync(file, cancellationToken), dryRun, cancellationToken);
        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync($"ERROR {Path.GetFileName(file)} line {error.Line}, {error.Field}: {error.Message}");
        }

        await output.WriteLineAsync(report.Errors.Count > 0
            ? $"Nothing imported: {report.Errors.Count} problem(s)."
            : $"{(dryRun ? "Dry run" : "Imported")}: {report.Lines} demands — {report.Created} new, {report.Updated} updated, {report.Unchanged} unchanged.");
        return report.Errors.Count > 0 ? 1 : 0;
    }
}
