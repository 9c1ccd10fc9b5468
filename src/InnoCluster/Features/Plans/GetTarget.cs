using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>One target: its value, status and sources as on the plan's list, its plan, the task that states it and the indicator that measures it.</summary>
public sealed class GetTarget(InnoClusterDbContext db, ListPlans plans, ListTargets targets)
{
    public sealed record TaskRef(int Id, string Code, string Title, IReadOnlyList<string> Units);

    /// <param name="Suggested">The count the platform proposes while none is chosen (<see cref="IndicatorSuggestions"/>), not applied until an official adopts it.</param>
    public sealed record View(ListPlans.Item Plan, ListTargets.TargetDto Target, TaskRef? Task, string? ComputedIndicator, SuggestedIndicator? Suggested = null);

    public sealed record SuggestedIndicator(string Spec, string Description);

    public async Task<View?> RunAsync(int targetId, CancellationToken cancellationToken)
    {
        var row = await db.Set<PlanTarget>().AsNoTracking().Where(t => t.Id == targetId).Select(t => new { t.PlanId, t.TaskId, t.ComputedIndicator, t.Name, t.Unit, t.Period, t.Sentence, t.SourceText }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var plan = (await plans.FindAsync(row.PlanId, cancellationToken))!;
        var target = (await targets.RunAsync(row.PlanId, cancellationToken, onlyTarget: targetId))!.Single();
        var task = row.TaskId is { } taskId
            ? await db.Set<PlanTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            : null;
        var suggested = row.ComputedIndicator is null && ComputedIndicator.TryParse(IndicatorSuggestions.For(row.Name, row.Unit, row.Period, plan.StartYear, IndicatorSuggestions.Clause(row.Sentence, row.SourceText)), out var spec)
            ? new SuggestedIndicator(spec.Spec, spec.Describe())
            : null;
        return new View(plan, target, task is null ? null : new TaskRef(task.Id, task.Code, task.Title, task.Units), row.ComputedIndicator, suggested);
    }
}
