using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>The vendor (its own enterprise's account) or an official edits a solution.</summary>
public sealed class UpdateSolution(InnoClusterDbContext db, SolutionIndex solutionIndex, SolutionFields fields)
{
    public async Task<Result> RunAsync(int id, SolutionInput input, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var solution = await db.Set<Solution>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null)
        {
            return Problem.NotFound();
        }

        if (!solution.MayBeEditedBy(actor))
        {
            return Problem.Forbidden(Solution.OnlyVendorEdits);
        }

        var errors = await fields.ApplyAsync(solution, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await solutionIndex.IndexAsync(db, [solution], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok();
    }
}
