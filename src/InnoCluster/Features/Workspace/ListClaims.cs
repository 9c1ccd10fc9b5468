using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// The claims a person may read, newest first: the office all of them (waiting ones by default); a firm's owner
/// those that came to them; everyone their own.
/// </summary>
public sealed class ListClaims(InnoClusterDbContext db, ClaimAccess access)
{
    public const int Shown = 200;

    public async Task<IReadOnlyList<ClaimView>> RunAsync(ClaimsPrincipal user, ClaimStatus? status, CancellationToken cancellationToken)
    {
        var claims = db.Set<FirmClaim>().AsNoTracking();
        if (!user.IsInRole(Roles.Official))
        {
            var userId = user.UserId();
            var owned = user.EnterpriseOf() is { } firm && await access.IsOwnerAsync(user, firm, cancellationToken) ? firm : (int?)null;
            claims = claims.Where(c => c.UserId == userId || (owned != null && c.EnterpriseId == owned && c.ToOwner));
        }

        if (status is { } only)
        {
            claims = claims.Where(c => c.Status == only);
        }

        return [.. (await claims.OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.Id).Take(Shown).ToListAsync(cancellationToken)).Select(ClaimView.Of)];
    }
}
