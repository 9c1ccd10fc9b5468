using System.Globalization;
using System.Text.RegularExpressions;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Plans;


/// <summary>Filing, versioning and reading progress reports; closing periods; which reports are overdue.</summary>
public sealed class TaskReports(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record FigureInput(int? TargetId, string? Value);

    public sealed record ReportRequest(string? Period, string? Unit, string? Text, List<FigureInput>? Figures, List<Guid>? Attachments);

    public sealed record Filed(int Id, int TaskId, string Period, int Version, int? Replaces, bool Late, DateOnly Due);

    public sealed record FigureDto(int TargetId, string Target, decimal Value, string Unit);

    public sealed record ReportDto(int Id, string Period, int Version, string Unit, string Text, bool Late, DateTimeOffset FiledAt, string FiledBy, IReadOnlyList<Guid> Attachments, IReadOnlyList<FigureDto> Figures, bool Superseded);

    public sealed record TaskDto(int Id, string Code, int Action, string ActionTitle, string Title, string Text, IReadOnlyList<string> Units, int Reports, string? LatestPeriod, DateTimeOffset? LatestFiledAt, string? LatestText, string? OverduePeriod, int MissedPeriods);

    public async Task<Result<Filed>> FileAsync(int taskId, ReportRequest request, Reporter reporter, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var task = await db.Set<PlanTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound("没有这项任务 / no such task");
        }

        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleAsync(p => p.Id == task.PlanId, cancellationToken);
        var unit = reporter.IsOfficial ? request.Unit?.Trim() : reporter.Department;
        if (!reporter.MayReportOn(task.Units))
        {
            return Problem.Forbidden("本单位不是该任务的责任单位 / your unit is not responsible for this task"); // a department reports on its own tasks only
        }

        if (!reporter.IsOfficial && request.Unit is { } named && named.Trim() != unit)
        {
            problems["unit"] = [$"您的账号属于“{unit}”，不能代“{named}”报送 (your account reports for {unit} only)"];
        }
        else if (string.IsNullOrWhiteSpace(unit))
        {
            problems["unit"] = [$"请写明报送单位，可选：{string.Join("、", task.Units)} (unit is required)"];
        }
        else if (!task.Units.Contains(unit, StringComparer.Ordinal))
        {
            problems["unit"] = [$"“{unit}”不是任务 {task.Code} 的责任单位（{string.Join("、", task.Units)}） (not a responsible unit of this task)"];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        ReportingPeriod period = default;
        if (!ReportingCalendar.TryParse(request.Period, out period))
        {
            problems["period"] = [$"报告期“{request.Period}”无法识别，请写成 2025-Q3 (period: YYYY-Qn)"];
        }
        else if (plan.StartYear is { } first && plan.EndYear is { } last && (period.Year < first || period.Year > last))
        {
            problems["period"] = [$"报告期 {period} 不在计划期 {first}–{last} 年内 (outside the plan's years)"];
        }
        else if (period.Start > today)
        {
            problems["period"] = [$"报告期 {period} 尚未开始（{period.Start:yyyy-MM-dd}） (the period has not begun)"];
        }
        else if (await db.Set<ReportingPeriodClosure>().AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == plan.Id && c.Period == period.ToString(), cancellationToken) is { } closure)
        {
            problems["period"] = [$"报告期 {period} 已于 {closure.ClosedAt:yyyy-MM-dd} 关闭，不再接收报告 (the period was closed on {closure.ClosedAt:yyyy-MM-dd} by {closure.ClosedBy})"];
        }

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problems["text"] = ["请填写进展情况 (text is required)"];
        }
        else if (text.Length > ReportingCalendar.MaxText)
        {
            problems["text"] = [$"进展情况不能超过 {ReportingCalendar.MaxText} 字 (text is too long)"];
        }

        var figures = request.Figures ?? [];
        var targetIds = figures.Where(f => f.TargetId is not null).Select(f => f.TargetId!.Value).Distinct().ToList();
        var targets = await db.Set<PlanTarget>().AsNoTracking().Where(t => targetIds.Contains(t.Id) && t.PlanId == plan.Id).ToDictionaryAsync(t => t.Id, cancellationToken);
        var observations = new List<IndicatorObservation>();
        for (var i = 0; i < figures.Count; i++)
        {
            var figure = figures[i];
            if (figure.TargetId is not { } targetId || !targets.TryGetValue(targetId, out var target))
            {
                problems[$"figures[{i}].targetId"] = [$"计划中没有编号为 {figure.TargetId} 的目标 (no such target in this plan)"];
                continue;
            }

            if (PlanTargets.ReadValue(target, figure.Value, out var quantity) is { } problem)
            {
                problems[$"figures[{i}].value"] = [problem];
                continue;
            }

            observations.Add(new IndicatorObservation
            {
                TargetId = targetId,
                ObservedOn = period.End < today ? period.End : today,
                Value = quantity!.Value,
                Qualifier = quantity.Qualifier,
                Quote = figure.Value!.Trim(),
                RecordedBy = reporter.Name,
                RecordedAt = clock.GetUtcNow(),
            });
        }

        var attachments = (request.Attachments ?? []).Distinct().ToList();
        var owned = await db.Set<StoredFile>().Where(f => attachments.Contains(f.Id) && (reporter.IsOfficial || f.OwnerId == reporter.UserId)).Select(f => f.Id).ToListAsync(cancellationToken);
        foreach (var missing in attachments.Except(owned))
        {
            problems["attachments"] = [$"附件 {missing} 不存在或不是您上传的 (no such file of yours; upload it first at /api/me/files)"];
        }

        if (attachments.Count > 10)
        {
            problems["attachments"] = ["最多 10 个附件 (at most 10 files)"];
        }

        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        // All or nothing: the report, its version number and its figures land together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var key = period.ToString();
        var previous = await db.Set<TaskReport>().Where(r => r.TaskId == taskId && r.Period == key).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        var report = new TaskReport
        {
            TaskId = taskId,
            Period = key,
            Version = (previous?.Version ?? 0) + 1,
            Unit = unit!,
            Text = text!,
            Attachments = attachments,
            FiledBy = reporter.Name,
            FiledAt = clock.GetUtcNow(),
            Late = today > period.Due,
        };
        db.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.Entry(report).State = EntityState.Detached;
            if (!await db.Set<TaskReport>().AnyAsync(r => r.TaskId == taskId && r.Period == key && r.Version == report.Version, cancellationToken))
            {
                throw;
            }

            // Another version of this period was filed at the same moment (versions are unique): nothing is overwritten; file again.
            problems["period"] = [$"{key} 刚有另一版本报送，请刷新后重新提交 (another version was filed at the same moment: reload and file again)"];
            return Problem.Fields(problems);
        }

        foreach (var observation in observations)
        {
            observation.ReportId = report.Id;
            observation.Note = $"{report.Unit} {period.Chinese}进展报告（第{report.Version}版）";
        }

        db.AddRange(observations);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Filed(report.Id, taskId, key, report.Version, previous?.Id, report.Late, period.Due);
    }

    /// <summary>Closes a period of a plan; closing it again is harmless and keeps the first closing.</summary>
    public async Task<Result> ClosePeriodAsync(int planId, string? periodText, string closedBy, CancellationToken cancellationToken)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Problem.NotFound("没有这个计划 / no such plan");
        }

        if (!ReportingCalendar.TryParse(periodText, out var period))
        {
            return Problem.Invalid("period", $"报告期“{periodText}”无法识别，请写成 2025-Q3 (period: YYYY-Qn)");
        }

        var key = period.ToString();
        if (!await db.Set<ReportingPeriodClosure>().AnyAsync(c => c.PlanId == planId && c.Period == key, cancellationToken))
        {
            db.Add(new ReportingPeriodClosure { PlanId = planId, Period = key, ClosedBy = closedBy, ClosedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Ok();
    }

    /// <summary>Every version of a task's reports, newest first; a version later filed for the same period supersedes it.</summary>
    public async Task<IReadOnlyList<ReportDto>> ForTaskAsync(int taskId, CancellationToken cancellationToken)
    {
        var reports = await db.Set<TaskReport>().AsNoTracking().Where(r => r.TaskId == taskId).OrderByDescending(r => r.Period).ThenByDescending(r => r.Version).ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToList();
        var figures = await (from o in db.Set<IndicatorObservation>().AsNoTracking()
                             join t in db.Set<PlanTarget>().AsNoTracking() on o.TargetId equals t.Id
                             where o.ReportId != null && ids.Contains(o.ReportId.Value)
                             select new { ReportId = o.ReportId!.Value, t.Id, t.Name, o.Value, t.Unit }).ToListAsync(cancellationToken);
        var byReport = figures.ToLookup(f => f.ReportId);
        var latestVersion = reports.GroupBy(r => r.Period).ToDictionary(g => g.Key, g => g.Max(r => r.Version), StringComparer.Ordinal);
        return [.. reports.Select(r => new ReportDto(r.Id, r.Period, r.Version, r.Unit, r.Text, r.Late, r.FiledAt, r.FiledBy, r.Attachments,
            [.. byReport[r.Id].Select(f => new FigureDto(f.Id, f.Name, f.Value, f.Unit))], r.Version < latestVersion[r.Period]))];
    }

    /// <summary>The plan's tasks with their units, latest report and the period whose report is overdue, if any.</summary>
    public async Task<IReadOnlyList<TaskDto>?> ForPlanAsync(int planId, CancellationToken cancellationToken, DateOnly? asOf = null)
    {
        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var actions = await db.Set<PlanAction>().AsNoTracking().Where(a => a.PlanId == planId).ToDictionaryAsync(a => a.Id, cancellationToken);
        var tasks = await db.Set<PlanTask>().AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Box).ThenBy(t => t.Number).ToListAsync(cancellationToken);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (asOf is { } past && past < today)
        {
            today = past;
        }

        var filedBy = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var reports = (await db.Set<TaskReport>().AsNoTracking().Where(r => taskIds.Contains(r.TaskId) && r.FiledAt < filedBy)
                .Select(r => new { r.TaskId, r.Period, r.Version, r.FiledAt, r.Text }).ToListAsync(cancellationToken))
            .ToLookup(r => r.TaskId);
        var due = plan.StartYear is { } first && plan.EndYear is { } last ? ReportingCalendar.LatestDue(first, last, today) : null;
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
            var overdue = due is { } d && !filed.Contains(d.ToString()) && !closed.Contains(d.ToString()) ? d.ToString() : null;
            var latest = mine.FirstOrDefault();
            var action = actions[t.ActionId];
            return new TaskDto(t.Id, t.Code, action.Number, action.Title, t.Title, t.Text, t.Units, mine.Count, latest?.Period, latest?.FiledAt,
                latest?.Text is { } x && x.Length > 200 ? x[..200] + "…" : latest?.Text, overdue, missed);
        })];
    }
}
