using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>An official closes a demand: it is no longer offered, and its author can no longer edit it.</summary>
public sealed class CloseDemand(InnoClusterDbContext db, TimeProvider clock)
{
    public async Task<Result> RunAsync(int id, CancellationToken cancellationToken)
    {
        var demand = await db.Set<Demand>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null)
        {
            return Problem.NotFound();
        }

        demand.Status = DemandStatus.Closed;
        demand.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }
}
