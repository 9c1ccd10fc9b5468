using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// A demand's pairs in the pipeline as the reader may see them (<see cref="Docking.IsShownTo"/>): its parties
/// see every pair with the stage it may move to next; everyone else only the landed ones.
/// </summary>
public sealed class ListDemandPairs(InnoClusterDbContext db, IRegistryDirectory registry)
{
    public sealed record Pair(int Id, int? EnterpriseId, string? Enterprise, DockingStage Stage, DateTimeOffset UpdatedAt, DockingStage? Next);

    /// <summary>Null when the demand does not exist or the reader may not see it.</summary>
    public async Task<IReadOnlyList<Pair>?> RunAsync(int demandId, ScenarioActor? reader, CancellationToken cancellationToken)
    {
        var demand = await db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        if (demand is null || !demand.IsVisibleTo(reader))
        {
            return null;
        }

        var shown = (await db.Set<Docking>().AsNoTracking().Where(d => d.DemandId == demandId).OrderBy(d => d.Id).ToListAsync(cancellationToken))
            .Where(d => d.IsShownTo(reader, demand.OwnerUserId))
            .ToList();
        var vendors = await registry.EnterpriseNamesAsync([.. shown.Select(d => d.EnterpriseId).OfType<int>().Distinct()], cancellationToken);
        return [.. shown.Select(d => new Pair(d.Id, d.EnterpriseId, d.EnterpriseId is { } e ? vendors.GetValueOrDefault(e) : null, d.Stage, d.UpdatedAt, DockingRules.Next(d.Stage)))];
    }
}
