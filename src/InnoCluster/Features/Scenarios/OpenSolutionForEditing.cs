using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>A solution's current values for its edit form, for those who may edit it (<see cref="Solution.MayBeEditedBy"/>).</summary>
public sealed class OpenSolutionForEditing(InnoClusterDbContext db)
{
    public async Task<Result<SolutionInput>> RunAsync(int id, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var solution = await db.Set<Solution>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (solution is null)
        {
            return Problem.NotFound();
        }

        if (!solution.MayBeEditedBy(actor))
        {
            return Problem.Forbidden(Solution.OnlyVendorEdits);
        }

        return new SolutionInput(solution.Title, solution.Description, solution.Capabilities, solution.Sectors, solution.ChainNodes, solution.ReferenceCases, solution.PriceText, solution.EnterpriseId);
    }
}
