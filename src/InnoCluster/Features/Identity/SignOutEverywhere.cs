using InnoCluster.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;

namespace InnoCluster.Features.Identity;

/// <summary>Ends every session of the account and revokes its personal access tokens.</summary>
public sealed class SignOutEverywhere(UserManager<AppUser> users, PersonalAccessTokens tokens, AuditTrail audit)
{
    public async Task RunAsync(AppUser user, CancellationToken cancellationToken)
    {
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync("sign-out-everywhere", "users", user.Id, "ok", "sessions ended, personal access tokens revoked", cancellationToken);
    }
}
