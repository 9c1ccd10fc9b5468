using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>An official corrects an action's title and responsible units (and, if asked, those of its tasks not yet confirmed).</summary>
public sealed class EditPlanAction(InnoClusterDbContext db)
{
    public async Task<Result> RunAsync(int id, UnitsEdit edit, CancellationToken cancellationToken)
    {
        var action = await db.Set<PlanAction>().Include(a => a.Tasks).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return Problem.NotFound();
        }

        var (title, units, problems) = edit.Read();
        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        action.Title = title ?? action.Title;
        action.Units = units;
        action.Proposed = false;
        if (edit.ApplyToTasks)
        {
            foreach (var task in action.Tasks.Where(t => t.Proposed))
            {
                task.Units = [.. units];
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }
}
