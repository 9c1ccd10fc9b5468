using System.Security.Claims;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Workspace;

/// <summary>The office, or the owner of a firm that already has members, approves or rejects a claim (a rejection says why).</summary>
public sealed class DecideClaim(ClaimAccess access, ClaimAdmission admission)
{
    public sealed record Request(string? Reason);

    public async Task<Result<ClaimView>> RunAsync(ClaimsPrincipal user, int id, bool approve, Request request, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(user, id, cancellationToken) is not { MayDecide: true } found)
        {
            return Problem.NotFound();
        }

        return await admission.DecideAsync(found.Claim, approve, user.UserId(), user.DisplayNameOf(), request.Reason, cancellationToken);
    }
}
