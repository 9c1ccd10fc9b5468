using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>An official picks the live count that measures a target (or none: its values are then reported).</summary>
public sealed class SetTargetIndicator(InnoClusterDbContext db, IndicatorCounter counter)
{
    public sealed record Request(string? Computed);

    public async Task<Result> RunAsync(int targetId, Request request, CancellationToken cancellationToken)
    {
        var target = await db.Set<PlanTarget>().SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return Problem.NotFound();
        }

        if (request.Computed is not null && !ComputedIndicator.TryParse(request.Computed, out _))
        {
            return Problem.Invalid("computed", $"未知的计算指标“{request.Computed}” / unknown computed indicator “{request.Computed}” (one of {string.Join(", ", ComputedIndicator.Examples)}; tiers: takes any tier keys, @ a chain node code)");
        }

        if (ComputedIndicator.TryParse(request.Computed, out var spec) && spec.Node is { } node && node != ComputedIndicator.AnyNode
            && (await counter.NodeIdsAsync(spec, cancellationToken) is not { Count: > 0 }))
        {
            return Problem.Invalid("computed", $"未知产业链环节“{node}” / no chain node with the code “{node}”");
        }

        if (spec is not null && !spec.Units.Contains(target.Unit))
        {
            return Problem.Invalid("computed", spec.Units is ["元"]
                ? $"计算指标是金额（元），目标的单位是“{target.Unit}” / a sum of money cannot measure a target in {target.Unit}"
                : $"计算指标的单位是{string.Join("/", spec.Units)}，目标的单位是“{target.Unit}” / an indicator in {string.Join("/", spec.Units)} cannot measure a target in {target.Unit}");
        }

        if (target.Period == TargetPeriod.Annual && spec is { CountsEvents: false })
        {
            return Problem.Invalid("computed", "年度目标只能按当年发生的计数（征集结果、场景对接）/ a yearly target counts what happens in the year: call results or scenario stages");
        }

        target.ComputedIndicator = request.Computed;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }
}
