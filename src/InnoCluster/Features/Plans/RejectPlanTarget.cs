using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>An official removes a target the platform read by mistake.</summary>
public sealed class RejectPlanTarget(InnoClusterDbContext db)
{
    /// <summary>Removes a target read by mistake; one that already has values is kept (409): its history stays.</summary>
    public async Task<Result> RunAsync(int id, CancellationToken cancellationToken)
    {
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (target is null)
        {
            return Problem.NotFound();
        }

        if (await db.Set<IndicatorObservation>().AnyAsync(o => o.TargetId == id, cancellationToken))
        {
            return Problem.Conflict("目标已有数值，不能删除；可改为编辑 (the target has values; edit it instead)");
        }

        db.Remove(target);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }
}
