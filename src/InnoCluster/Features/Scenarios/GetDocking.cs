using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>A pair with every step it took, for its parties only (officials, the demand's author, the vendor).</summary>
public sealed class GetDocking(InnoClusterDbContext db, IRegistryDirectory registry)
{
    public sealed record Step(DockingStage Stage, DateTimeOffset At, string By, string? Note, int? EventId);

    public sealed record View(int Id, int DemandId, string DemandTitle, int? EnterpriseId, string? EnterpriseName, int? SolutionId, DockingStage Stage, IReadOnlyList<Step> Steps);

    public async Task<View?> RunAsync(int id, ScenarioActor? actor, CancellationToken cancellationToken)
    {
        var docking = await db.Set<Docking>().AsNoTracking().Include(d => d.Steps).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (docking is null)
        {
            return null;
        }

        var demand = await db.Set<Demand>().AsNoTracking().SingleAsync(d => d.Id == docking.DemandId, cancellationToken);
        if (!docking.IsPartyOf(actor, demand.OwnerUserId))
        {
            return null;
        }

        var name = docking.EnterpriseId is { } vendor ? (await registry.EnterpriseNamesAsync([vendor], cancellationToken)).GetValueOrDefault(vendor) : null;
        return new View(docking.Id, demand.Id, demand.Title, docking.EnterpriseId, name, docking.SolutionId, docking.Stage,
            docking.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new Step(s.Stage, s.At, s.By, s.Note, s.EventId)).ToList());
    }
}
