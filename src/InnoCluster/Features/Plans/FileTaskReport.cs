using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// A responsible unit (or an official for it) files a progress report on a task for a quarter: a new
/// version when the unit already reported that quarter, never an overwrite; each unit reports its own part (the
/// collective "各县级市(区)…" as each 板块, see <see cref="ReportingUnits"/>); figures become the targets' values.
/// </summary>
public sealed class FileTaskReport(InnoClusterDbContext db, Registry.IRegistryDirectory directory, TimeProvider clock)
{
    public sealed record FigureInput(int? TargetId, string? Value);

    public sealed record ReportRequest(string? Period, string? Unit, string? Text, List<FigureInput>? Figures, List<Guid>? Attachments);

    public sealed record Filed(int Id, int TaskId, string Period, int Version, int? Replaces, bool Late, DateOnly Due);

    public async Task<Result<Filed>> RunAsync(int taskId, ReportRequest request, Reporter reporter, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var task = await db.Set<PlanTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound("没有这项任务 / no such task");
        }

        var plan = await db.Set<ActionPlan>().AsNoTracking().SingleAsync(p => p.Id == task.PlanId, cancellationToken);
        var reporting = await ReportingUnits.ForPlanAsync(directory, plan.Title, cancellationToken);
        var units = reporting.Of(task.Units);
        var unit = reporter.IsOfficial ? request.Unit?.Trim() : reporting.UnitOf(reporter.Department, units);
        if (!reporter.MayReportOn(units, reporting))
        {
            return Problem.Forbidden("本单位不是该任务的责任单位 / your unit is not responsible for this task"); // a department reports on its own tasks only
        }

        if (!reporter.IsOfficial && request.Unit is { } named && named.Trim() != unit)
        {
            problems["unit"] = [$"您的账号属于“{unit}”，不能代“{named}”报送 (your account reports for {unit} only)"];
        }
        else if (string.IsNullOrWhiteSpace(unit))
        {
            problems["unit"] = [$"请写明报送单位，可选：{string.Join("、", units)} (unit is required)"];
        }
        else if (!units.Contains(unit, StringComparer.Ordinal))
        {
            problems["unit"] = [$"“{unit}”不是任务 {task.Code} 的责任单位（{string.Join("、", units)}） (not a responsible unit of this task)"];
        }

        var today = InnoCluster.Infrastructure.BeijingTime.Today(clock);
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

            if (target.ReadReportedValue(figure.Value, out var quantity) is { } problem)
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
        var previous = await db.Set<TaskReport>().Where(r => r.TaskId == taskId && r.Period == key && r.Unit == unit).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
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
            if (!await db.Set<TaskReport>().AnyAsync(r => r.TaskId == taskId && r.Period == key && r.Unit == unit && r.Version == report.Version, cancellationToken))
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
}
