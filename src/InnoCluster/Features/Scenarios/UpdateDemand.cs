using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>The demand's author (or an official) edits it; a closed demand stays as it was.</summary>
public sealed class UpdateDemand(InnoClusterDbContext db, DemandIndex demandIndex, DemandFields fields)
{
    public async Task<Result> RunAsync(int id, DemandInput input, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var demand = await db.Set<Demand>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null)
        {
            return Problem.NotFound();
        }

        if (!demand.MayBeEditedBy(actor))
        {
            return Problem.Forbidden(Demand.OnlyAuthorEdits);
        }

        if (demand.Status == DemandStatus.Closed)
        {
            return Problem.Invalid("status", "需求已关闭，不能修改 (a closed demand cannot be edited)");
        }

        var errors = await fields.ApplyAsync(demand, input, actor, cancellationToken);
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await demandIndex.IndexAsync(db, [demand], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }
}
