using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>A plan's tasks with their units, latest report and what is overdue, today or as they stood on a past day.</summary>
public sealed class ListPlanTasks(InnoClusterDbContext db, Registry.IRegistryDirectory directory, TimeProvider clock)
{
    /// <param name="Units">As the plan names them.</param>
    /// <param name="ByUnit">Each unit that reports on it (the collective as the 板块), with its own reports and the period it owes, if any.</param>
    public sealed record TaskDto(int Id, string Code, int Action, string ActionTitle, string Title, string Text, IReadOnlyList<string> Units, int Reports, string? LatestPeriod, DateTimeOffset? LatestFiledAt, string? LatestText, string? OverduePeriod, int MissedPeriods, IReadOnlyList<UnitProgress> ByUnit);

    /// <summary>One reporting unit's part of a task: how many reports it filed, its latest period, and the period it has not reported yet when due.</summary>
    public sealed record UnitProgress(string Unit, int Reports, string? LatestPeriod, string? OverduePeriod);

    private readonly Dictionary<int, ReportingUnits> _reporting = [];

    /// <summary>The reporting units of the plan (the collective as its city's 板块), read once per request whoever asks (the task list, a page, the workspace).</summary>
    public async Task<ReportingUnits> ReportingUnitsAsync(int planId, CancellationToken cancellationToken, string? planTitle = null)
    {
        if (!_reporting.TryGetValue(planId, out var reporting))
        {
            var title = planTitle ?? await db.Set<ActionPlan>().AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).SingleOrDefaultAsync(cancellationToken);
            _reporting[planId] = reporting = title is null ? ReportingUnits.None : await ReportingUnits.ForPlanAsync(directory, title, cancellationToken);
        }

        return reporting;
    }

    /// <summary>The plan's tasks with their units, latest report and the period whose report is overdue, if any.</summary>
    public async Task<IReadOnlyList<TaskDto>?> RunAsync(int planId, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var actions = await db.Set<PlanAction>().AsNoTracking().Where(a => a.PlanId == planId).ToDictionaryAsync(a => a.Id, cancellationToken);
        var tasks = await db.Set<PlanTask>().AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Box).ThenBy(t => t.Number).ToListAsync(cancellationToken);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var today = InnoCluster.Infrastructure.BeijingTime.Today(clock);
        if (asOf is { } past && past < today)
        {
            today = past;
        }

        var filedBy = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var reports = (await db.Set<TaskReport>().AsNoTracking().Where(r => taskIds.Contains(r.TaskId) && r.FiledAt < filedBy)
                .Select(r => new { r.TaskId, r.Period, r.Version, r.FiledAt, r.Text, r.Unit }).ToListAsync(cancellationToken))
            .ToLookup(r => r.TaskId);
        var due = plan.StartYear is { } first && plan.EndYear is { } last ? ReportingCalendar.LatestDue(first, last, today) : null;
        var reporting = await ReportingUnitsAsync(planId, cancellationToken, plan.Title);
        var closed = (await db.Set<ReportingPeriodClosure>().AsNoTracking().Where(c => c.PlanId == planId).Select(c => c.Period).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return [.. tasks.Select(t =>
        {
            var mine = reports[t.Id].OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenByDescending(r => r.Version).ToList();
            var filed = mine.Select(r => r.Period).ToHashSet(StringComparer.Ordinal);
            var missed = 0;
            if (due is { } latestDue)
            {
                for (var p = new ReportingPeriod(plan.StartYear!.Value, 1); p <= latestDue; p = p.Next)
                {
                    missed += filed.Contains(p.ToString()) ? 0 : 1;
                }
            }

            // A closed period takes no more reports: unfiled, it is missed, no longer overdue (nor reminded of).
            var owed = due is { } d && !closed.Contains(d.ToString()) ? d.ToString() : null;
            var overdue = owed is not null && !filed.Contains(owed) ? owed : null;
            var byUnit = reporting.Of(t.Units).Select(u =>
            {
                var its = mine.Where(r => r.Unit == u).ToList();
                return new UnitProgress(u, its.Count, its.FirstOrDefault()?.Period, owed is not null && its.All(r => r.Period != owed) ? owed : null);
            }).ToList();
            var latest = mine.FirstOrDefault();
            var action = actions[t.ActionId];
            return new TaskDto(t.Id, t.Code, action.Number, action.Title, t.Title, t.Text, t.Units, mine.Count, latest?.Period, latest?.FiledAt,
                latest?.Text is { } x && x.Length > 200 ? x[..200] + "…" : latest?.Text, overdue, missed, byUnit);
        })];
    }
}
