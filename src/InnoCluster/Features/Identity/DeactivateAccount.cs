using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace InnoCluster.Features.Identity;

/// <summary>Deactivates the account: its sessions end, its tokens are revoked, it cannot sign in.</summary>
public sealed class DeactivateAccount(UserManager<AppUser> users, TimeProvider clock, PersonalAccessTokens tokens)
{
    public async Task<Result> RunAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Problem.NotFound();
        }

        user.DeactivatedAt ??= clock.GetUtcNow();
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        return Result.Ok();
    }
}
