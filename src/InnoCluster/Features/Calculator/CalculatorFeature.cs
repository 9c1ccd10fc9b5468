using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>The policy calculator: clauses, eligibility rules, "which support can this enterprise get, and why".</summary>
public static class CalculatorFeature
{
    public static IServiceCollection AddCalculator(this IServiceCollection services)
    {
        services.AddScoped<ProfileLoader>();
        services.AddSingleton<ProfileSnapshot>();
        services.AddSingleton<ClauseCache>();
        services.AddScoped<ClauseFields>();
        services.AddScoped<CreateClause>();
        services.AddScoped<UpdateClause>();
        services.AddScoped<WithdrawClause>();
        services.AddScoped<ProposeClauses>();
        services.AddScoped<ClauseQueries>();
        services.AddScoped<ConditionWordings>();
        services.AddScoped<ExportClauses>();
        services.AddScoped<SelfCheck>();
        services.AddScoped<EligibilityCheck>();
        services.AddScoped<PolicyCalculator>();
        services.AddScoped<ClauseCandidates>();
        services.AddScoped<FirmPolicies>();
        services.AddScoped<Workspace.IPushSource, ClausePushSource>();
        services.AddSingleton<ISeedStep, ClauseSeedStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalculator(this IEndpointRouteBuilder app)
    {
        app.MapCalculatorApi();
        return app;
    }
}

/// <summary>
/// Proposes clauses from the seeded policy documents and replies, as an official would by pressing
/// "提取条款" on each: they arrive as proposals with their source sentence, for an official to confirm.
/// </summary>
public sealed class ClauseSeedStep : ISeedStep
{
    public string Name => "clause-proposals";

    public int Order => 40;

    // 2: clauses carry several support items and a beneficiary; untouched proposals are re-read.
    public int Version => 2;

    public IReadOnlyList<string> Files { get; } = [SeedSources.FileName];

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var propose = context.Services.GetRequiredService<ProposeClauses>();
        var documents = (await context.Services.GetRequiredService<IDocumentLibrary>().SeedDocumentsAsync(cancellationToken))
            .Where(d => d.Kind is DocumentKind.Policy or DocumentKind.Reply or DocumentKind.News).Select(d => d.Id).ToList();
        foreach (var id in documents)
        {
            await propose.RunAsync(id, "seed", cancellationToken);
        }
    }
}
