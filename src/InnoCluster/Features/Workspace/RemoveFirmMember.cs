using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// A member leaves a firm, or its owner or the office removes one. The owner hands the firm over before leaving
/// while others remain. The person loses the firm's pages and mail at once.
/// </summary>
public sealed class RemoveFirmMember(IFirmAccounts firms)
{
    public async Task<Result> RunAsync(ClaimsPrincipal user, int enterpriseId, string memberId, CancellationToken cancellationToken)
    {
        var members = await firms.MembersAsync(enterpriseId, cancellationToken);
        var official = user.IsInRole(Roles.Official);
        if ((!official && user.EnterpriseOf() != enterpriseId) || members.FirstOrDefault(m => m.UserId == memberId) is not { } member)
        {
            return Problem.NotFound();
        }

        var self = memberId == user.UserId();
        var owner = members.Any(m => m.IsOwner && m.UserId == user.UserId());
        if (!official && !self && !owner)
        {
            return Problem.NotFound();
        }

        if (member.IsOwner && members.Count > 1)
        {
            return Problem.Conflict("所有者须先把企业账号移交给另一位成员 / the owner hands the firm over to another member first");
        }

        return await firms.LeaveAsync(memberId, cancellationToken);
    }
}
