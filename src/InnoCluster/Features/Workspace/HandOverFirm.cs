using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Workspace;

/// <summary>The owner (or the office) makes another member the firm's owner.</summary>
public sealed class HandOverFirm(IFirmAccounts firms)
{
    public async Task<Result> RunAsync(ClaimsPrincipal user, int enterpriseId, string memberId, CancellationToken cancellationToken)
    {
        var members = await firms.MembersAsync(enterpriseId, cancellationToken);
        var official = user.IsInRole(Roles.Official);
        if ((!official && !members.Any(m => m.IsOwner && m.UserId == user.UserId())) || members.All(m => m.UserId != memberId))
        {
            return Problem.NotFound();
        }

        return await firms.HandOverAsync(enterpriseId, memberId, cancellationToken);
    }
}
