using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>The seed's action plans (documents titled 行动计划), read at first start the way an official would import them.</summary>
public sealed class PlanSeedStep : ISeedStep
{
    public string Name => "action-plans";

    public int Order => 45;

    public int Version => 2;

    public IReadOnlyList<string> Files { get; } = [SeedSources.FileName, "plan-indicators.json"];

    private sealed record SeedObservation(string Source, string Quote, string Value, DateOnly ObservedOn, string? Note);

    private sealed record SeedTarget(string Target, string Name, List<SeedObservation> Observations);

    private sealed record SeedFile(List<SeedTarget> Targets);

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var import = context.Services.GetRequiredService<ImportPlan>();
        var targets = context.Services.GetRequiredService<RecordTargetValue>();
        var library = context.Services.GetRequiredService<IDocumentLibrary>();
        var seedDocuments = await library.SeedDocumentsAsync(cancellationToken);
        var plans = seedDocuments.Where(d => d.Kind == DocumentKind.Policy && d.Title.Contains("行动计划", StringComparison.Ordinal)).Select(d => d.Id).ToList();
        foreach (var id in plans)
        {
            // A document titled like a plan that states no targets or actions (a notice about a plan) is refused: nothing to propose.
            await import.RunAsync(id, cancellationToken);
        }

        // The reported values the seed editors read from the news documents, each with its sentence.
        var seed = System.Text.Json.JsonSerializer.Deserialize<SeedFile>(await File.ReadAllTextAsync(context.PathOf("plan-indicators.json"), cancellationToken), System.Text.Json.JsonSerializerOptions.Web)!;
        foreach (var entry in seed.Targets)
        {
            var target = await db.Set<PlanTarget>().Where(t => t.SourceText == entry.Target).OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new InvalidDataException($"plan-indicators.json: no plan target reads \"{entry.Target}\"");
            await db.Set<IndicatorObservation>().Where(o => o.TargetId == target.Id && o.RecordedBy == "seed").ExecuteDeleteAsync(cancellationToken);
            foreach (var observation in entry.Observations)
            {
                var document = seedDocuments.SingleOrDefault(d => d.SeedFile == observation.Source)?.Id
                    ?? throw new InvalidDataException($"plan-indicators.json: no seed document {observation.Source}");
                var observed = await targets.RunAsync(target.Id, new RecordTargetValue.Request(observation.Value, observation.ObservedOn, document, observation.Quote, observation.Note), "seed", cancellationToken);
                if (observed.Problem is { } problem)
                {
                    throw new InvalidDataException($"plan-indicators.json, {entry.Target}: {problem.Message}");
                }
            }
        }
    }
}
