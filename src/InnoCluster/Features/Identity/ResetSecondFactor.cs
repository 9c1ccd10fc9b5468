using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace InnoCluster.Features.Identity;

/// <summary>
/// A security administrator resets another person's authenticator (a lost phone): the secret is removed,
/// the person's sessions and tokens end, and at the next sign-in they enrol a new one. Audited; never on
/// one's own account.
/// </summary>
public sealed class ResetSecondFactor(UserManager<AppUser> users, PersonalAccessTokens tokens, AuditTrail audit)
{
    public async Task<Result> RunAsync(AdminActor actor, string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Problem.NotFound("未找到账号 / no such account");
        }

        if (RoleRules.WhyNotActOn(actor.Id, userId) is { } self)
        {
            await audit.RecordAsync("second-factor-reset-refused", "users", userId, "denied", "own account", cancellationToken);
            return Problem.Forbidden(self);
        }

        user.TotpSecretProtected = null;
        user.TotpLastStep = 0;
        user.TwoFactorEnabled = false;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync("second-factor-reset", "users", userId, "ok", $"by {actor.Name}; sessions and tokens ended", cancellationToken);
        return Result.Ok();
    }
}
