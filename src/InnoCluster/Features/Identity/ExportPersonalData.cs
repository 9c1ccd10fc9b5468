using InnoCluster.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;

namespace InnoCluster.Features.Identity;

/// <summary>Everything the platform holds about a person (PIPL art. 45), decrypted for them; the export is audited.</summary>
public sealed class ExportPersonalData(UserManager<AppUser> users, PersonalData personal, PersonalAccessTokens tokens, AuditTrail audit)
{
    /// <summary>The person's data, or null when there is no such account.</summary>
    public async Task<Dictionary<string, object?>?> RunAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        var tokenList = await tokens.ListAsync(userId, cancellationToken);
        await audit.RecordAsync("personal-data-exported", "users", userId, "ok", null, cancellationToken);
        return new Dictionary<string, object?>
        {
            ["email"] = user.Email,
            ["displayName"] = user.DisplayName,
            ["phone"] = personal.Unprotect(user.PhoneProtected),
            ["idNumber"] = personal.Unprotect(user.IdNumberProtected),
            ["organisation"] = user.Organisation,
            ["department"] = user.Department,
            ["enterpriseId"] = user.EnterpriseId,
            ["roles"] = roles,
            ["createdAt"] = user.CreatedAt,
            ["lastSignInAt"] = user.LastSignInAt,
            ["secondFactor"] = user.HasTotp ? "TOTP" : null,
            ["tokens"] = tokenList.Select(t => new { t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt }).ToList(),
            ["erasedAt"] = user.ErasedAt,
        };
    }
}
