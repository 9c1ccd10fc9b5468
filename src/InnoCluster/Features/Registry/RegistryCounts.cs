using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>How many enterprises of a district stand on a chain node.</summary>
[FeatureContract]
public sealed record DistrictNodeCount(int DistrictId, int ChainNodeId, int Enterprises);

/// <summary>Counts the registry answers for indicators and the plan's district view.</summary>
[FeatureContract]
public sealed class RegistryCounts(InnoClusterDbContext db)
{
    /// <summary>
    /// Enterprises holding any of <paramref name="tiers"/> (granted by the end of <paramref name="year"/> when
    /// given: a tier without a year does not count then), on one of <paramref name="chainNodeIds"/> when given.
    /// </summary>
    public async Task<int> TierHoldersAsync(IReadOnlyCollection<Tier> tiers, IReadOnlyCollection<int>? chainNodeIds, int? year, CancellationToken cancellationToken)
    {
        var holders = db.Set<EnterpriseTier>().Where(t => tiers.Contains(t.Tier) && (year == null || (t.Year != null && t.Year <= year))).Select(t => t.EnterpriseId);
        if (chainNodeIds is not null)
        {
            var onNodes = db.Set<EnterpriseChainLink>().Where(l => chainNodeIds.Contains(l.ChainNodeId)).Select(l => l.EnterpriseId);
            holders = holders.Where(id => onNodes.Contains(id));
        }

        return await holders.Distinct().CountAsync(cancellationToken);
    }

    /// <summary>Enterprises per district.</summary>
    public async Task<IReadOnlyDictionary<int, int>> PerDistrictAsync(CancellationToken cancellationToken) =>
        await db.Set<Enterprise>().AsNoTracking().Where(e => e.DistrictId != null).GroupBy(e => e.DistrictId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    /// <summary>Distinct enterprises per district and chain node.</summary>
    public async Task<IReadOnlyList<DistrictNodeCount>> PerDistrictAndNodeAsync(CancellationToken cancellationToken) =>
        await (from l in db.Set<EnterpriseChainLink>().AsNoTracking()
               join e in db.Set<Enterprise>().AsNoTracking() on l.EnterpriseId equals e.Id
               where e.DistrictId != null
               group l by new { District = e.DistrictId!.Value, l.ChainNodeId } into g
               select new DistrictNodeCount(g.Key.District, g.Key.ChainNodeId, g.Select(x => x.EnterpriseId).Distinct().Count()))
            .ToListAsync(cancellationToken);
}
