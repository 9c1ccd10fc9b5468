using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// The workspace's "my tasks" for a responsible unit: every plan task that names the unit, the ones whose report
/// is overdue first, each with its latest report — as the plan's task list reads them.
/// </summary>
public sealed class TasksWorkspaceSource(InnoClusterDbContext db, ListPlanTasks tasks) : IWorkspaceSource
{
    public const int Shown = 10;

    public int Order => 30;

    public async Task<WorkspaceSection?> SectionAsync(WorkspaceReader reader, CancellationToken cancellationToken)
    {
        if (!reader.User.IsInRole(Roles.Department) || reader.User.DepartmentOf() is not { Length: > 0 } unit)
        {
            return null;
        }

        var mine = new List<(string Plan, ListPlanTasks.TaskDto Task)>();
        foreach (var plan in await db.Set<ActionPlan>().AsNoTracking().OrderByDescending(p => p.StartYear).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken))
        {
            var reporting = await tasks.ReportingUnitsAsync(plan.Id, cancellationToken);
            mine.AddRange((await tasks.RunAsync(plan.Id, cancellationToken) ?? []).Where(t => reporting.UnitOf(unit, [.. t.ByUnit.Select(u => u.Unit)]) is not null).Select(t => (plan.Title, t)));
        }

        var entries = mine.OrderByDescending(m => m.Task.OverduePeriod is not null).ThenBy(m => m.Task.LatestFiledAt ?? DateTimeOffset.MinValue).Take(Shown)
            .Select(m => new WorkspaceEntry(
                $"{m.Task.Code} {m.Task.Title}",
                m.Plan,
                $"/plans/tasks/{m.Task.Id}",
                m.Task.OverduePeriod is { } period ? Ui.L($"{period} 进展未报送", $"{period} not reported")
                    : m.Task.LatestPeriod is { } latest ? Ui.L($"已报送至 {latest}", $"Reported up to {latest}") : Ui.L("尚未报送", "Not reported yet"),
                Late: m.Task.OverduePeriod is not null))
            .ToList();
        return new WorkspaceSection("my-tasks", Ui.L($"我的任务（{mine.Count}）", $"My tasks ({mine.Count})"), entries, Ui.L("行动计划中没有由本单位负责的任务。", "No plan task names your unit."), "/plans");
    }
}
