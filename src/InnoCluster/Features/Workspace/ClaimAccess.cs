using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// Who may read and decide a claim: the office any; the firm's owner the claims that came to them; the claimant
/// reads (and may withdraw) their own. Anyone else is answered as if it did not exist.
/// </summary>
public sealed class ClaimAccess(InnoClusterDbContext db, IFirmAccounts firms)
{
    public async Task<(FirmClaim Claim, bool MayDecide)?> FindAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (await db.Set<FirmClaim>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } claim)
        {
            return null;
        }

        if (user.IsInRole(Roles.Official))
        {
            return (claim, true);
        }

        if (claim.ToOwner && await IsOwnerAsync(user, claim.EnterpriseId, cancellationToken))
        {
            return (claim, true);
        }

        return claim.UserId == user.UserId() ? (claim, false) : null;
    }

    public async Task<bool> IsOwnerAsync(ClaimsPrincipal user, int enterpriseId, CancellationToken cancellationToken) =>
        user.EnterpriseOf() == enterpriseId && (await firms.MembersAsync(enterpriseId, cancellationToken)).Any(m => m.IsOwner && m.UserId == user.UserId());
}
