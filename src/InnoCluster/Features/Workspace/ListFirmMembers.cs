using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Workspace;

/// <summary>The people acting for a firm, for its members and the office; anyone else is answered as if the list did not exist.</summary>
public sealed class ListFirmMembers(IFirmAccounts firms)
{
    public sealed record Members(int EnterpriseId, IReadOnlyList<FirmMember> People);

    public async Task<Result<Members>> RunAsync(ClaimsPrincipal user, int enterpriseId, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Official) && user.EnterpriseOf() != enterpriseId)
        {
            return Problem.NotFound();
        }

        return new Members(enterpriseId, await firms.MembersAsync(enterpriseId, cancellationToken));
    }
}
