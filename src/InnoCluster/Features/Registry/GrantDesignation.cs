using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// Another feature's result writes a designation onto a firm (a call's 头雁 selection): the tier with its level,
/// year and the result as source. A firm that already holds the tier for that year keeps its record (nothing
/// is overwritten); the caller saves with its own unit of work.
/// </summary>
[FeatureContract]
public sealed class GrantDesignation(InnoClusterDbContext db)
{
    /// <summary>Whether the designation was added (false: the firm already holds it for that year, or is not registered).</summary>
    public async Task<bool> RunAsync(int enterpriseId, Tier tier, TierLevel level, int? year, Provenance source, CancellationToken cancellationToken)
    {
        if (!await db.Set<Enterprise>().AnyAsync(e => e.Id == enterpriseId, cancellationToken)
            || await db.Set<EnterpriseTier>().AnyAsync(t => t.EnterpriseId == enterpriseId && t.Tier == tier && t.Year == year, cancellationToken))
        {
            return false;
        }

        db.Add(new EnterpriseTier { EnterpriseId = enterpriseId, Tier = tier, Level = level, Year = year, Source = source });
        return true;
    }
}
