using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// An official reviews what the platform proposed from a plan's text: confirms a target, action or task as
/// read, edits it (which confirms it), or rejects a target read by mistake. What is confirmed is never
/// overwritten when the document is read again.
/// </summary>
public sealed class PlanEditing(InnoClusterDbContext db)
{
    /// <summary>A target as the official writes it: <c>value</c> as written with its unit and qualifier ("超过300亿元", "1-2家").</summary>
    public sealed record TargetEdit(string? Name, string? Value, int? Deadline, TargetPeriod? Period);

    public sealed record UnitsEdit(string? Title, List<string>? Units, bool ApplyToTasks = false);

    public async Task<Result> EditTargetAsync(int id, TargetEdit edit, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (target is null)
        {
            return Problem.NotFound();
        }

        var name = edit.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 300)
        {
            problems["name"] = ["名称必填，不超过 300 字 (name: 1-300 characters)"];
        }

        Quantity? quantity = null;
        if (string.IsNullOrWhiteSpace(edit.Value) || !QuantityParser.TryParse(edit.Value, out quantity) || quantity.Unit.Length == 0)
        {
            problems["value"] = [$"无法读取“{edit.Value}”：请写数值、单位和限定词，如 超过300亿元、1-2家、20个左右 (value: a figure with its unit)"];
        }
        else if (quantity.Unit != target.Unit && await db.Set<IndicatorObservation>().AnyAsync(o => o.TargetId == id, cancellationToken))
        {
            problems["value"] = [$"目标已有以“{target.Unit}”报告的数值，不能改为“{quantity.Unit}” (the target has values reported in {target.Unit})"];
        }

        if (edit.Deadline is { } deadline && (deadline < 2000 || deadline > 2100))
        {
            problems["deadline"] = [$"期限 {deadline} 不是年份 (deadline: a year)"];
        }

        if (edit.Period is null)
        {
            problems["period"] = ["请选择目标类型：ByDeadline、Cumulative 或 Annual (period is required)"];
        }
        else if (edit.Period != TargetPeriod.Annual && edit.Deadline is null)
        {
            problems["deadline"] = ["非每年目标须有期限 (a target that is not yearly needs a deadline)"];
        }

        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        target.Name = name!;
        target.TargetValue = quantity!.Value;
        target.UpperValue = quantity.UpperValue;
        target.Unit = quantity.Unit;
        target.Qualifier = quantity.Qualifier;
        target.Text = edit.Value!.Trim().Length > 100 ? edit.Value.Trim()[..100] : edit.Value.Trim();
        target.Deadline = edit.Deadline;
        target.Period = edit.Period!.Value;
        target.Proposed = false;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>Removes a target read by mistake; one that already has values is kept (409): its history stays.</summary>
    public async Task<Result> RejectTargetAsync(int id, CancellationToken cancellationToken)
    {
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (target is null)
        {
            return Problem.NotFound();
        }

        if (await db.Set<IndicatorObservation>().AnyAsync(o => o.TargetId == id, cancellationToken))
        {
            return Problem.Conflict("目标已有数值，不能删除；可改为编辑 (the target has values; edit it instead)");
        }

        db.Remove(target);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> EditActionAsync(int id, UnitsEdit edit, CancellationToken cancellationToken)
    {
        var action = await db.Set<PlanAction>().Include(a => a.Tasks).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return Problem.NotFound();
        }

        var (title, units, problems) = Read(edit);
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

    public async Task<Result> EditTaskAsync(int id, UnitsEdit edit, CancellationToken cancellationToken)
    {
        var task = await db.Set<PlanTask>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return Problem.NotFound();
        }

        var (title, units, problems) = Read(edit);
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

    /// <summary>Confirms every proposal of the plan as read.</summary>
    public async Task<bool> ConfirmAllAsync(int planId, CancellationToken cancellationToken)
    {
        if (!await db.Set<ActionPlan>().AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return false;
        }

        // Through the change tracker, not a bulk update, so the audit trail records each confirmation.
        foreach (var target in await db.Set<PlanTarget>().Where(t => t.PlanId == planId && t.Proposed).ToListAsync(cancellationToken))
        {
            target.Proposed = false;
        }

        foreach (var action in await db.Set<PlanAction>().Where(a => a.PlanId == planId && a.Proposed).ToListAsync(cancellationToken))
        {
            action.Proposed = false;
        }

        foreach (var task in await db.Set<PlanTask>().Where(t => t.PlanId == planId && t.Proposed).ToListAsync(cancellationToken))
        {
            task.Proposed = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static (string? Title, List<string> Units, Dictionary<string, string[]> Problems) Read(UnitsEdit edit)
    {
        var problems = new Dictionary<string, string[]>();
        var title = edit.Title?.Trim();
        if (title is { Length: 0 or > 200 })
        {
            problems["title"] = ["标题为 1-200 字 (title: 1-200 characters)"];
        }

        var units = (edit.Units ?? []).Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (units.Count == 0)
        {
            problems["units"] = ["至少一个责任单位 (at least one responsible unit)"];
        }
        else if (units.Any(u => u.Length > 100))
        {
            problems["units"] = ["单位名称不超过 100 字 (a unit's name is at most 100 characters)"];
        }

        return (title, units, problems);
    }
}
