using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Identity;

/// <summary>
/// The account store the identity use cases share: making an account (without a password, with a one-time
/// link to set it), the link itself, applying roles, and the password-age rule. Who may do these is decided
/// by the use cases that call them (CreateAccount, ChangeRoles, the registration page, the console).
/// </summary>
public sealed class Accounts(
    UserManager<AppUser> users,
    IOptions<SecurityOptions> options,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    PersonalData personal,
    AuditTrail audit)
{
    public sealed record NewAccount(string Email, string DisplayName, IReadOnlyList<string> Roles, int? EnterpriseId = null, string? Department = null, string? Organisation = null, string? Phone = null);

    public sealed record Created(AppUser User, string SetPasswordLink);

    public sealed record AccountView(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? EnterpriseId, string? Department, string? Organisation,
        string? PhoneMasked, bool HasTotp, bool Active, bool LockedOut, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);

    /// <summary>Creates an account without a password and returns the one-time link to set it.</summary>
    public async Task<Result<Created>> CreateAsync(NewAccount request, CancellationToken cancellationToken)
    {
        // A JSON body can leave non-nullable members null; say which, rather than fail later.
        if (string.IsNullOrWhiteSpace(request.Email) || request.Roles is null)
        {
            return Problem.Invalid("email", "email 与 roles 必填 / email and roles are required");
        }

        var unknownRoles = request.Roles.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknownRoles.Count > 0)
        {
            return Problem.Invalid("roles", $"未知角色：{string.Join("、", unknownRoles)} / unknown role: {string.Join(", ", unknownRoles)} (roles: {string.Join(", ", Roles.All)})");
        }

        if (request.Roles.Contains(Roles.Enterprise) && request.EnterpriseId is null)
        {
            return Problem.Invalid("enterpriseId", "企业账号须绑定一家企业 / an Enterprise account must be bound to one enterprise (--enterprise ID)");
        }

        if (RoleRules.WhyNotHeldTogether(request.Roles) is { } together)
        {
            return Problem.Invalid("roles", together);
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
            return Problem.Invalid("email", string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        foreach (var role in request.Roles.Distinct(StringComparer.Ordinal))
        {
            await users.AddToRoleAsync(user, role);
            await audit.RecordAsync("role-granted", "users", user.Id, "ok", role, cancellationToken);
        }

        return new Created(user, await SetPasswordLinkAsync(user));
    }

    public async Task<string> SetPasswordLinkAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return site.Value.Link($"/account/set-password?uid={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
    }

    public bool PasswordExpired(AppUser user)
    {
        var settings = options.Value;
        return settings.PasswordRules == PasswordRules.Mlps && settings.PasswordMaxAgeDays > 0 && user.PasswordHash is not null
            && (user.PasswordChangedAt is null || clock.GetUtcNow() - user.PasswordChangedAt > TimeSpan.FromDays(settings.PasswordMaxAgeDays));
    }

    public async Task<Result> SetRolesAsync(string userId, IReadOnlyList<string> roles, int? enterpriseId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Problem.NotFound("未找到账号 / no such account");
        }

        var unknown = roles.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            return Problem.Invalid("roles", $"未知角色：{string.Join("、", unknown)} / unknown role: {string.Join(", ", unknown)}");
        }

        if (roles.Contains(Roles.Enterprise) && (enterpriseId ?? user.EnterpriseId) is null)
        {
            return Problem.Invalid("enterpriseId", "企业账号须绑定一家企业 / an Enterprise account must be bound to one enterprise");
        }

        if (RoleRules.WhyNotHeldTogether(roles) is { } together)
        {
            return Problem.Invalid("roles", together);
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

        return Result.Ok();
    }
}
