using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace InnoCluster.Features.Site;

/// <summary>
/// The site's identity and contact, read by every page's footer: kept in memory for half a minute, so a
/// change made on another node shows there within that time, and at once on the node that made it.
/// </summary>
public sealed class GetSiteProfile(InnoClusterDbContext db, IMemoryCache cache)
{
    internal const string CacheKey = "site-profile";

    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    /// <summary>What the site states about itself; <see cref="UpdatedAt"/> is null until an administrator first saves it.</summary>
    public sealed record View(SiteProfile.Fields Fields, DateTimeOffset? UpdatedAt);

    public async Task<View> RunAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
            var profile = await db.Set<SiteProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == SiteProfile.SingletonId, cancellationToken);
            return profile is null ? new View(SiteProfile.Fields.None, null) : new View(profile.ToFields(), profile.UpdatedAt);
        }) ?? new View(SiteProfile.Fields.None, null);
}
