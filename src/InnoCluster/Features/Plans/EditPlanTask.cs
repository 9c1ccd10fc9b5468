using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>An official corrects a task's title and responsible units; a unit that has reported on it stays.</summary>
public sealed class EditPlanTask(InnoClusterDbContext db)
{
    public async Task<Result> RunAsync(int id, UnitsEdit edit, CancellationToken cancellationToken)
    {
        var task = await db.Set<PlanTask>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound();
        }

        var (title, units, problems) = edit.Read();
        var reporting = await db.Set<TaskReport>().Where(r => r.TaskId == id).Select(r => r.Unit).Distinct().ToListAsync(cancellationToken);
        var dropped = reporting.Except(units, StringComparer.Ordinal).ToList();
        if (problems.Count == 0 && dropped.Count > 0)
        {
            // Its reports stay readable, but a unit that has reported cannot silently lose the task.
            problems["units"] = [$"{string.Join("、", dropped)} 已报送过此任务，不能移除 (units that have reported on the task cannot be removed)"];
        }

        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        task.Title = title ?? task.Title;
        task.Units = units;
        task.Proposed = false;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }
}
