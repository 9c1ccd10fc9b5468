using System.Security.Claims;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Workspace;

/// <summary>The claimant takes back a claim still waiting. Audited.</summary>
public sealed class WithdrawClaim(InnoClusterDbContext db, ClaimAccess access, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<ClaimView>> RunAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(user, id, cancellationToken) is not { } found || found.Claim.UserId != user.UserId())
        {
            return Problem.NotFound();
        }

        if (found.Claim.Withdraw(clock.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        audit.Add("firm-claim-withdrawn", "firm_claims", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", $"enterprise {found.Claim.EnterpriseId}");
        await db.SaveChangesAsync(cancellationToken);
        return ClaimView.Of(found.Claim);
    }
}
