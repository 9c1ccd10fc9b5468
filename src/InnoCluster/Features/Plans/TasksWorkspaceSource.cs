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

        // The unit's own part of each task it reports on (a 板块's part of the collective's tasks): what it has reported and owes.
        var mine = new List<(string Plan, ListPlanTasks.TaskDto Task, ListPlanTasks.UnitProgress Part)>();
        foreach (var plan in await db.Set<ActionPlan>().AsNoTracking().OrderByDescending(p => p.StartYear).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken))
        {
            var reporting = await tasks.ReportingUnitsAsync(plan.Id, cancellationToken);
            foreach (var task in await tasks.RunAsync(plan.Id, cancellationToken) ?? [])
            {
                if (reporting.UnitOf(unit, [.. task.ByUnit.Select(u => u.Unit)]) is { } reportsAs)
                {
                    mine.Add((plan.Title, task, task.ByUnit.First(u => u.Unit == reportsAs)));
                }
            }
        }

        var entries = mine.OrderByDescending(m => m.Part.OverduePeriod is not null).ThenBy(m => m.Task.LatestFiledAt ?? DateTimeOffset.MinValue).Take(Shown)
            .Select(m => new WorkspaceEntry(
                $"{m.Task.Code} {m.Task.Title}",
                m.Plan,
                $"/plans/tasks/{m.Task.Id}",
                m.Part.OverduePeriod is { } period ? Ui.L($"{period} 进展未报送", $"{period} not reported")
                    : m.Part.LatestPeriod is { } latest ? Ui.L($"已报送至 {latest}", $"Reported up to {latest}") : Ui.L("尚未报送", "Not reported yet"),
                Late: m.Part.OverduePeriod is not null))
            .ToList();
        return new WorkspaceSection("my-tasks", Ui.L($"我的任务（{mine.Count}）", $"My tasks ({mine.Count})"), entries, Ui.L("行动计划中没有由本单位负责的任务。", "No plan task names your unit."), "/plans");
    }
}
