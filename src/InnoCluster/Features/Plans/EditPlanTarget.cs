using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// An official corrects a target the platform read from the plan's text; the edit confirms it, and reading
/// the text again never overwrites it.
/// </summary>
public sealed class EditPlanTarget(InnoClusterDbContext db)
{
    /// <summary>A target as the official writes it: <c>value</c> as written with its unit and qualifier ("超过300亿元", "1-2家").</summary>
    public sealed record Request(string? Name, string? Value, int? Deadline, TargetPeriod? Period);

    public async Task<Result> RunAsync(int id, Request edit, CancellationToken cancellationToken)
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
}
