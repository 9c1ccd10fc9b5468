using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace InnoCluster.Features.Site;

/// <summary>
/// A system administrator states who runs the site and how to reach them. Every field is checked at once
/// and nothing is stored while one is wrong; the change is in the audit trail.
/// </summary>
public sealed class UpdateSiteProfile(InnoClusterDbContext db, IMemoryCache cache, TimeProvider clock)
{
    public async Task<Result<GetSiteProfile.View>> RunAsync(SiteProfile.Fields request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var fields = request.Trimmed();
        var errors = SiteProfile.Check(fields);
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var profile = await db.Set<SiteProfile>().SingleOrDefaultAsync(p => p.Id == SiteProfile.SingletonId, cancellationToken);
        if (profile is null)
        {
            profile = new SiteProfile();
            db.Add(profile);
        }

        profile.Apply(fields, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "admin", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(GetSiteProfile.CacheKey); // the next read stores the new last-known value
        return new GetSiteProfile.View(profile.ToFields(), profile.UpdatedAt);
    }
}
