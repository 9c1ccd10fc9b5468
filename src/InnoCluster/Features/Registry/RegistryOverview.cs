using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>The registry's headline figures for the home page and dashboards.</summary>
[FeatureContract]
public sealed class RegistryOverview(InnoClusterDbContext db, ChainMap chainMap, TimeProvider clock)
{
    public sealed record Figures(int Enterprises, int Listed, int Carriers, int Districts, int ChainNodes, int WeakLinks);

    public async Task<Figures> RunAsync(CancellationToken cancellationToken)
    {
        var enterprises = await db.Set<Enterprise>().CountAsync(cancellationToken);
        var listed = await db.Set<EnterpriseTier>().Where(EnterpriseRecord.HeldOn<EnterpriseTier>(BeijingTime.Today(clock), undatedCounts: true))
            .Where(t => t.Tier == Tier.Listed).Select(t => t.EnterpriseId).Distinct().CountAsync(cancellationToken);
        var carriers = await db.Set<Carrier>().CountAsync(cancellationToken);
        var districts = await db.Set<District>().CountAsync(cancellationToken);
        var nodes = await db.Set<ChainNode>().CountAsync(n => n.Level == ChainNodeLevel.Node, cancellationToken);
        var map = await chainMap.RunAsync(null, cancellationToken);
        return new Figures(enterprises, listed, carriers, districts, nodes, map?.WeakLinks.Count ?? 0);
    }
}
