using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>One target: its sentence, indicator, trend and every value with the sentence it comes from.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class TargetModel(InnoClusterDbContext db, PlanTargets targets) : PageModel
{
    public ActionPlan Plan { get; private set; } = default!;

    public PlanTargets.TargetDto Target { get; private set; } = default!;

    public PlanTask? Task { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.Set<PlanTarget>().AsNoTracking().Where(t => t.Id == id).Select(t => new { t.PlanId, t.TaskId }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        Plan = await db.Set<ActionPlan>().AsNoTracking().SingleAsync(p => p.Id == row.PlanId, cancellationToken);
        Target = (await targets.ForPlanAsync(row.PlanId, cancellationToken))!.Single(t => t.Id == id);
        Task = row.TaskId is { } taskId ? await db.Set<PlanTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) : null;
        return Page();
    }
}
