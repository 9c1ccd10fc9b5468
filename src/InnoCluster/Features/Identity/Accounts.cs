using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Identity;

/// <summary>Account administration and self-service: creating, roles, passwords, deactivation, personal data.</summary>
public sealed class Accounts(
    UserManager<AppUser> users,
    InnoClusterDbContext db,
    IOptions<SecurityOptions> options,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    PersonalData personal,
    PersonalAccessTokens tokens,
    AuditTrail audit)
{
    public sealed record NewAccount(string Email, string DisplayName, IReadOnlyList<string> Roles, int? EnterpriseId = null, string? Department = null, string? Organisation = null, string? Phone = null);

    public sealed record Created(AppUser User, string SetPasswordLink);

    public sealed record AccountView(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? EnterpriseId, string? Department, string? Organisation,
        string? PhoneMasked, bool HasTotp, bool Active, bool LockedOut, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);

    /// <summary>Creates an account without a password and returns the one-time link to set it.</summary>
    public async Task<(Created? Account, IReadOnlyList<string> Errors)> CreateAsync(NewAccount request, CancellationToken cancellationToken)
    {
        // A JSON body can leave non-nullable members null; say which, rather than fail later.
        if (string.IsNullOrWhiteSpace(request.Email) || request.Roles is null)
        {
            return (null, ["email 与 roles 必填 / email and roles are required"]);
        }

        var unknownRoles = request.Roles.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknownRoles.Count > 0)
        {
            return (null, [$"未知角色 / unknown role: {string.Join(", ", unknownRoles)} (roles: {string.Join(", ", Roles.All)})"]);
        }

        if (request.Roles.Contains(Roles.Enterprise) && request.EnterpriseId is null)
        {
            return (null, ["企业账号须绑定一家企业 / an Enterprise account must be bound to one enterprise (--enterprise ID)"]);
        }

        if (RoleRules.WhyNotHeldTogether(request.Roles) is { } together)
        {
            return (null, [together]);
        }

        var user = new AppUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Email.Split('@')[0] : request.DisplayName.Trim(),
            EnterpriseId = request.EnterpriseId,
            Department = request.Department,
            Organisation = request.Organisation,
            PhoneProtected = personal.Protect(request.Phone),
            CreatedAt = clock.GetUtcNow(),
            EmailConfirmed = true,
        };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            return (null, result.Errors.Select(e => e.Description).ToList());
        }

        foreach (var role in request.Roles.Distinct(StringComparer.Ordinal))
        {
            await users.AddToRoleAsync(user, role);
            await audit.RecordAsync("role-granted", "users", user.Id, "ok", role, cancellationToken);
        }

        return (new Created(user, await SetPasswordLinkAsync(user)), []);
    }

    public async Task<string> SetPasswordLinkAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return site.Value.Link($"/account/set-password?uid={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
    }

    /// <summary>Sets a password from a one-time link; the link cannot be used twice (the stamp changes).</summary>
    public async Task<IReadOnlyList<string>> SetPasswordAsync(string userId, string token, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive)
        {
            return ["链接无效或已过期 / the link is invalid or has expired"];
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Code == "InvalidToken" ? "链接无效或已过期 / the link is invalid or has expired" : e.Description).ToList();
        }

        user.PasswordChangedAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync("password-set", "users", user.Id, "ok", "personal access tokens revoked", cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<string>> ChangePasswordAsync(AppUser user, string current, string next, CancellationToken cancellationToken)
    {
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            await audit.RecordAsync("password-change-failed", "users", user.Id, "failed", null, cancellationToken);
            return result.Errors.Select(e => e.Code == "PasswordMismatch" ? "当前密码不正确 / the current password is wrong" : e.Description).ToList();
        }

        user.PasswordChangedAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync("password-changed", "users", user.Id, "ok", "personal access tokens revoked", cancellationToken);
        return [];
    }

    public bool PasswordExpired(AppUser user)
    {
        var settings = options.Value;
        return settings.PasswordRules == PasswordRules.Mlps && settings.PasswordMaxAgeDays > 0 && user.PasswordHash is not null
            && (user.PasswordChangedAt is null || clock.GetUtcNow() - user.PasswordChangedAt > TimeSpan.FromDays(settings.PasswordMaxAgeDays));
    }

    public async Task<IReadOnlyList<AccountView>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<AppUser>().AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleNames = await db.Set<IdentityRole>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var userRoles = (await db.Set<IdentityUserRole<string>>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.UserId, r => roleNames[r.RoleId]);
        var now = clock.GetUtcNow();
        return all.Select(u => new AccountView(u.Id, u.Email ?? "", u.DisplayName, userRoles[u.Id].Order(StringComparer.Ordinal).ToList(), u.EnterpriseId, u.Department, u.Organisation,
            PersonalData.Mask(personal.Unprotect(u.PhoneProtected)), u.HasTotp, u.IsActive, u.LockoutEnd > now, u.CreatedAt, u.LastSignInAt)).ToList();
    }

    public async Task<IReadOnlyList<string>> SetRolesAsync(string userId, IReadOnlyList<string> roles, int? enterpriseId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return ["未找到账号 / no such account"];
        }

        var unknown = roles.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            return [$"未知角色 / unknown role: {string.Join(", ", unknown)}"];
        }

        if (roles.Contains(Roles.Enterprise) && (enterpriseId ?? user.EnterpriseId) is null)
        {
            return ["企业账号须绑定一家企业 / an Enterprise account must be bound to one enterprise"];
        }

        if (RoleRules.WhyNotHeldTogether(roles) is { } together)
        {
            return [together];
        }

        var current = await users.GetRolesAsync(user);
        foreach (var role in current.Except(roles, StringComparer.Ordinal).ToList())
        {
            await users.RemoveFromRoleAsync(user, role);
            await audit.RecordAsync("role-revoked", "users", user.Id, "ok", role, cancellationToken);
        }

        foreach (var role in roles.Except(current, StringComparer.Ordinal).ToList())
        {
            await users.AddToRoleAsync(user, role);
            await audit.RecordAsync("role-granted", "users", user.Id, "ok", role, cancellationToken);
        }

        if (enterpriseId is not null && user.EnterpriseId != enterpriseId)
        {
            user.EnterpriseId = enterpriseId;
            await users.UpdateAsync(user);
        }

        return [];
    }

    /// <summary>Deactivates the account: its sessions end, its tokens are revoked, it cannot sign in.</summary>
    public async Task<bool> DeactivateAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        user.DeactivatedAt ??= clock.GetUtcNow();
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        return true;
    }

    /// <summary>Ends every session of the account and revokes its personal access tokens.</summary>
    public async Task SignOutEverywhereAsync(AppUser user, CancellationToken cancellationToken)
    {
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync("sign-out-everywhere", "users", user.Id, "ok", "sessions ended, personal access tokens revoked", cancellationToken);
    }

    public async Task<bool> UnlockAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync("unlocked", "users", user.Id, "ok", null, cancellationToken);
        return true;
    }

    /// <summary>Everything the platform holds about a person (PIPL art. 45), decrypted for them.</summary>
    public async Task<Dictionary<string, object?>> ExportPersonalDataAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("no such account");
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

    /// <summary>
    /// Erases the person's personal data (PIPL art. 47): contact fields emptied, the e-mail replaced,
    /// sessions and tokens ended. The account row stays so the audit trail keeps its referent.
    /// </summary>
    public async Task<bool> ErasePersonalDataAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        var placeholder = $"erased-{user.Id}@invalid.example";
        user.Email = placeholder;
        user.UserName = placeholder;
        user.DisplayName = "已注销用户 / erased account";
        user.PhoneProtected = null;
        user.IdNumberProtected = null;
        user.Organisation = null;
        user.TotpSecretProtected = null;
        user.PasswordHash = null;
        user.ErasedAt = clock.GetUtcNow();
        await users.UpdateNormalizedEmailAsync(user);
        await users.UpdateNormalizedUserNameAsync(user);
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync("personal-data-erased", "users", userId, "ok", null, cancellationToken);
        return true;
    }
}
