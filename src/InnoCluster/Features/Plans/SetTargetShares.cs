using System.Globalization;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// An official breaks a target down by 板块: each part written with its unit ("50亿元", "3家"), in the target's unit,
/// for a 板块 of the plan's city. The whole list replaces the parts set before, all or nothing; an empty value
/// removes a 板块's part.
/// </summary>
public sealed class SetTargetShares(InnoClusterDbContext db, GetTargetDistricts districts, TimeProvider clock)
{
    public sealed record Share(string? District, string? Value);

    public sealed record Request(IReadOnlyList<Share>? Shares);

    public async Task<Result> RunAsync(int targetId, Request request, string official, CancellationToken cancellationToken)
    {
        var target = await db.Set<PlanTarget>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return Problem.NotFound();
        }

        var known = (await districts.DistrictsAsync(target.PlanId, cancellationToken)).Select(d => d.Name).ToList();
        var problems = new Dictionary<string, string[]>();
        var parts = new List<PlanTargetShare>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var (share, index) in (request.Shares ?? []).Select((s, i) => (s, i)))
        {
            var field = $"shares[{index.ToString(CultureInfo.InvariantCulture)}]";
            var district = share.District?.Trim();
            if (string.IsNullOrEmpty(district) || !known.Contains(district, StringComparer.Ordinal))
            {
                problems[field + ".district"] = [$"“{district}”不是本计划所在城市的板块（{string.Join("、", known)}） / not a district of the plan's city"];
                continue;
            }

            if (!listed.Add(district))
            {
                problems[field + ".district"] = [$"板块“{district}”重复 / {district} is listed twice"];
                continue;
            }

            if (string.IsNullOrWhiteSpace(share.Value))
            {
                continue;
            }

            if (!QuantityParser.TryParse(share.Value, out var quantity) || quantity.UpperValue is not null || quantity.Value < 0)
            {
                problems[field + ".value"] = [$"无法读取“{share.Value}”：请写一个数值和单位，如 50亿元、3家 / not a figure with its unit"];
            }
            else if (UnitOf(quantity, target.Unit) is not { } unit || unit != target.Unit)
            {
                problems[field + ".value"] = [$"“{share.Value}”的单位与目标的单位“{target.Unit}”不同 / the part must be in the target's unit ({target.Unit})"];
            }
            else
            {
                var text = share.Value.Trim();
                parts.Add(new PlanTargetShare { TargetId = targetId, District = district, Value = quantity.Value, Text = text.Length > 100 ? text[..100] : text, SetBy = official, SetAt = now });
            }
        }

        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        // One save: the parts kept are updated in place, the others removed, the new ones added.
        var before = await db.Set<PlanTargetShare>().Where(s => s.TargetId == targetId).ToListAsync(cancellationToken);
        foreach (var old in before)
        {
            if (parts.Find(p => p.District == old.District) is { } part)
            {
                (old.Value, old.Text, old.SetBy, old.SetAt) = (part.Value, part.Text, part.SetBy, part.SetAt);
                parts.Remove(part);
            }
            else
            {
                db.Remove(old);
            }
        }

        db.AddRange(parts);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    /// <summary>The unit a part is read in: its own, or the target's when it is a bare number (家 and 个 count alike).</summary>
    private static string? UnitOf(Quantity quantity, string targetUnit) =>
        quantity.Unit.Length == 0 ? targetUnit
        : quantity.Unit == targetUnit || (quantity.Unit is "家" or "个" && targetUnit is "家" or "个") ? targetUnit
        : quantity.Unit;
}
