using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>An official confirms every proposal of a plan (targets, actions, tasks) as read.</summary>
public sealed class ConfirmPlan(InnoClusterDbContext db)
{
    /// <summary>Confirms every proposal of the plan as read.</summary>
    public async Task<bool> RunAsync(int planId, CancellationToken cancellationToken)
    {
        if (!await db.Set<ActionPlan>().AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return false;
        }

        // Through the change tracker, not a bulk update, so the audit trail records each confirmation.
        foreach (var target in await db.Set<PlanTarget>().Where(t => t.PlanId == planId && t.Proposed).ToListAsync(cancellationToken))
        {
            target.Proposed = false;
        }

        foreach (var action in await db.Set<PlanAction>().Where(a => a.PlanId == planId && a.Proposed).ToListAsync(cancellationToken))
        {
            action.Proposed = false;
        }

        foreach (var task in await db.Set<PlanTask>().Where(t => t.PlanId == planId && t.Proposed).ToListAsync(cancellationToken))
        {
            task.Proposed = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
