using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace InnoCluster.Features.Identity;

/// <summary>A person changes their own password, knowing the current one; every token is revoked; a failure is audited.</summary>
public sealed class ChangePassword(UserManager<AppUser> users, TimeProvider clock, PersonalAccessTokens tokens, AuditTrail audit)
{
    public async Task<Result> RunAsync(AppUser user, string current, string next, CancellationToken cancellationToken)
    {
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            await audit.RecordAsync("password-change-failed", "users", user.Id, "failed", null, cancellationToken);
            return Problem.Fields(result.Errors.Select(e => e.Code == "PasswordMismatch" ? new FieldError("current", "当前密码不正确 / the current password is wrong") : new FieldError("next", e.Description)));
        }

        user.PasswordChangedAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync("password-changed", "users", user.Id, "ok", "personal access tokens revoked", cancellationToken);
        return Result.Ok();
    }
}
