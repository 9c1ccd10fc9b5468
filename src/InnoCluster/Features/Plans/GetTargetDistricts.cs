using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>
/// A target by 板块: for each 板块 of the plan's city, the part the office set for it and — when the target is counted
/// from the registry — the count within that 板块 today (a firm counts where it is registered; a carrier or a
/// project where it stands). Call results and scenario dockings are not split, and say so.
/// </summary>
public sealed class GetTargetDistricts(InnoClusterDbContext db, IRegistryDirectory directory, IndicatorCounter counter)
{
    public sealed record Row(string District, string DistrictEn, decimal? Share, string? ShareText, decimal? Counted);

    /// <param name="Counted">Whether the counts are split by 板块 (a registry count); false for reported values, call results and dockings.</param>
    /// <param name="SharesTotal">The parts set, added up; null when none is set.</param>
    public sealed record View(int TargetId, string Unit, decimal TargetValue, bool Counted, IReadOnlyList<Row> Districts, decimal? SharesTotal, DateTimeOffset? SetAt);

    public async Task<View?> RunAsync(int targetId, CancellationToken cancellationToken)
    {
        var target = await db.Set<PlanTarget>().AsNoTracking().Where(t => t.Id == targetId)
            .Select(t => new { t.PlanId, t.Unit, t.TargetValue, t.ComputedIndicator }).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return null;
        }

        var districts = await DistrictsAsync(target.PlanId, cancellationToken);
        var shares = await db.Set<PlanTargetShare>().AsNoTracking().Where(s => s.TargetId == targetId).ToListAsync(cancellationToken);
        var spec = ComputedIndicator.TryParse(target.ComputedIndicator, out var parsed) && IndicatorCounter.SplitsByDistrict(parsed) ? parsed : null;
        var rows = new List<Row>();
        foreach (var district in districts)
        {
            var share = shares.Find(s => s.District == district.Name);
            var counted = spec is null ? null : await counter.DistrictValueAsync(spec, district.Id, cancellationToken);
            rows.Add(new Row(district.Name, district.NameEn, share?.Value, share?.Text, counted));
        }

        var latest = shares.MaxBy(s => s.SetAt);
        return new View(targetId, target.Unit, target.TargetValue, spec is not null, rows, shares.Count == 0 ? null : shares.Sum(s => s.Value), latest?.SetAt);
    }

    /// <summary>The 板块 of the plan's city, in their order.</summary>
    internal async Task<IReadOnlyList<DistrictInfo>> DistrictsAsync(int planId, CancellationToken cancellationToken)
    {
        var title = await db.Set<ActionPlan>().AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).SingleAsync(cancellationToken);
        return ReportingUnits.CityDistricts(await directory.DistrictsAsync(cancellationToken), title);
    }
}
