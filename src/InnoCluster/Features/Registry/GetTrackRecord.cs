using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>A firm's public track record: what each feature that records results says of it (landed cases, call results), newest first.</summary>
public sealed class GetTrackRecord(InnoClusterDbContext db, IEnumerable<IEnterpriseTrackRecord> sources)
{
    /// <summary>Null when no such enterprise is registered.</summary>
    public async Task<IReadOnlyList<TrackRecordItem>?> RunAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        if (!await db.Set<Enterprise>().AnyAsync(e => e.Id == enterpriseId, cancellationToken))
        {
            return null;
        }

        var items = new List<TrackRecordItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ForEnterpriseAsync(enterpriseId, cancellationToken));
        }

        return [.. items.OrderByDescending(i => i.On).ThenBy(i => i.Title, StringComparer.Ordinal)];
    }
}
