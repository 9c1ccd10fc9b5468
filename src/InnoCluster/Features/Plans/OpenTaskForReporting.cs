using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// What a reporter sees of a task before filing: its text and units, the plan's targets (the task's own
/// first), the quarters still open and every report filed so far. A department opens only its own tasks.
/// </summary>
public sealed class OpenTaskForReporting(InnoClusterDbContext db, ListTaskReports reports, ListPlanTasks planTasks, TimeProvider clock)
{
    public sealed record Desk(
        PlanTask Task,
        ListPlans.Item Plan,
        IReadOnlyList<PlanTarget> Targets,
        IReadOnlyList<ReportingPeriod> OpenPeriods,
        IReadOnlyList<ListTaskReports.ReportDto> Reports,
        IReadOnlyDictionary<Guid, string> FileNames,
        IReadOnlyList<string> Units,
        string? MyUnit);

    public async Task<Result<Desk>> RunAsync(int taskId, Reporter reporter, CancellationToken cancellationToken)
    {
        var task = await db.Set<PlanTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound("没有这项任务 / no such task");
        }

        var reporting = await planTasks.ReportingUnitsAsync(task.PlanId, cancellationToken);
        var units = reporting.Of(task.Units);
        if (!reporter.MayReportOn(units, reporting))
        {
            return Problem.Forbidden("本单位不是该任务的责任单位 / your unit is not responsible for this task");
        }

        var plan = await db.Set<ActionPlan>().AsNoTracking().Where(p => p.Id == task.PlanId).Select(ListPlans.Projection).SingleAsync(cancellationToken);
        var targets = await db.Set<PlanTarget>().AsNoTracking().Where(t => t.PlanId == task.PlanId)
            .OrderBy(t => t.TaskId == taskId ? 0 : 1).ThenBy(t => t.Order).ToListAsync(cancellationToken);
        var closed = (await db.Set<ReportingPeriodClosure>().AsNoTracking().Where(c => c.PlanId == task.PlanId).Select(c => c.Period).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var today = InnoCluster.Infrastructure.BeijingTime.Today(clock);
        IReadOnlyList<ReportingPeriod> open = plan.StartYear is { } first && plan.EndYear is { } last
            ? [.. ReportingCalendar.Begun(first, last, today).Where(p => !closed.Contains(p.ToString()))]
            : [];
        var filed = await reports.RunAsync(taskId, cancellationToken);
        return new Desk(task, plan, targets, open, filed, await NamesOfAsync(filed, cancellationToken), units, reporting.UnitOf(reporter.Department, units));
    }

    private async Task<IReadOnlyDictionary<Guid, string>> NamesOfAsync(IReadOnlyList<ListTaskReports.ReportDto> filed, CancellationToken cancellationToken)
    {
        var ids = filed.SelectMany(r => r.Attachments).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.FileName, cancellationToken);
    }
}
