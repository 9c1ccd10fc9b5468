using System.Data.Common;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace InnoCluster.Features.Site;

/// <summary>
/// The site's identity and contact, read by every page's footer: kept in memory for half a minute, so a
/// change made on another node shows there within that time, and at once on the node that made it. While
/// the database cannot be read the footer keeps what it last knew, so no page fails for its footer's sake.
/// </summary>
public sealed class GetSiteProfile(InnoClusterDbContext db, IMemoryCache cache)
{
    internal const string CacheKey = "site-profile";

    private const string LastKnownKey = "site-profile:last-known";

    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    /// <summary>What the site states about itself; <see cref="UpdatedAt"/> is null until an administrator first saves it.</summary>
    public sealed record View(SiteProfile.Fields Fields, DateTimeOffset? UpdatedAt);

    private static readonly View Nothing = new(SiteProfile.Fields.None, null);

    public async Task<View> RunAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeepFor;
            try
            {
                var profile = await db.Set<SiteProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == SiteProfile.SingletonId, cancellationToken);
                var view = profile is null ? Nothing : new View(profile.ToFields(), profile.UpdatedAt);
                cache.Set(LastKnownKey, view);
                return view;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException { InnerException: DbException } && !cancellationToken.IsCancellationRequested)
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
                return cache.Get<View>(LastKnownKey) ?? Nothing;
            }
        }) ?? Nothing;
}
