using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace InnoCluster.Features.Identity;

/// <summary>Lifts a lockout after too many failed sign-ins, and audits it.</summary>
public sealed class UnlockAccount(UserManager<AppUser> users, AuditTrail audit)
{
    public async Task<Result> RunAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Problem.NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync("unlocked", "users", user.Id, "ok", null, cancellationToken);
        return Result.Ok();
    }
}
