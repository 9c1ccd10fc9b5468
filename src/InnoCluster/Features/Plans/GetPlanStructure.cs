using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>What was read from a plan's text, for review: its targets, and its actions with their tasks and responsible units.</summary>
public sealed class GetPlanStructure(InnoClusterDbContext db, ListPlans plans)
{
    public sealed record Structure(ListPlans.Item Plan, IReadOnlyList<PlanTarget> Targets, IReadOnlyList<PlanAction> Actions);

    public async Task<Structure?> RunAsync(int planId, CancellationToken cancellationToken)
    {
        if (await plans.FindAsync(planId, cancellationToken) is not { } plan)
        {
            return null;
        }

        var targets = await db.Set<PlanTarget>().AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order).ToListAsync(cancellationToken);
        var actions = await db.Set<PlanAction>().AsNoTracking().Include(a => a.Tasks).Where(a => a.PlanId == planId).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        foreach (var action in actions)
        {
            action.Tasks.Sort((a, b) => (a.Box, a.Number).CompareTo((b.Box, b.Number)));
        }

        return new Structure(plan, targets, actions);
    }
}
