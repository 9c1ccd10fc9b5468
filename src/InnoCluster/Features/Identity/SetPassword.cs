using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;

namespace InnoCluster.Features.Identity;

/// <summary>Sets a password from a one-time link; the link cannot be used twice (the stamp changes), and every token is revoked.</summary>
public sealed class SetPassword(UserManager<AppUser> users, TimeProvider clock, PersonalAccessTokens tokens, AuditTrail audit)
{
    public const string LinkInvalid = "链接无效或已过期 / the link is invalid or has expired";

    public async Task<Result> RunAsync(string userId, string token, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive)
        {
            return Problem.Invalid("token", LinkInvalid);
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return Problem.Fields(result.Errors.Select(e => e.Code == "InvalidToken" ? new FieldError("token", LinkInvalid) : new FieldError("password", e.Description)));
        }

        user.PasswordChangedAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync("password-set", "users", user.Id, "ok", "personal access tokens revoked", cancellationToken);
        return Result.Ok();
    }
}
