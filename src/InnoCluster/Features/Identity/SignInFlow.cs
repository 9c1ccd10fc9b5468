using System.Security.Claims;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Identity;

public enum SignInOutcome
{
    /// <summary>Wrong e-mail, wrong password, locked or inactive: one answer for all (no enumeration).</summary>
    Refused,
    SecondFactorRequired,
    EnrolmentRequired,
    SignedIn,
}

public enum EnrolmentOutcome
{
    Enrolled,
    WrongCode,
    LockedOut,

    /// <summary>The account has a second factor: it signs in with it, or a security administrator resets it.</summary>
    AlreadyEnrolled,
}

/// <summary>
/// Sign-in: password (lockout after 5 failures for 30 minutes, each failure audited), then the TOTP
/// second factor for the roles that need it (or whoever enrolled). Unknown accounts cost the same
/// password hash as known ones, and get the same answer.
/// </summary>
public sealed class SignInFlow(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IPasswordHasher<AppUser> hasher,
    Totp totp,
    IOptions<SecurityOptions> options,
    AuditTrail audit,
    TimeProvider clock)
{
    private const string PendingUserClaim = "pending_uid";
    private static readonly AppUser Nobody = new() { Id = "nobody", UserName = "nobody" };
    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public async Task<SignInOutcome> PasswordAsync(HttpContext http, string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive || user.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, password ?? "");
            await audit.RecordAsync("sign-in-failed", "users", user?.Id, "failed", "unknown, inactive or password not set", cancellationToken, user?.Id, email);
            return SignInOutcome.Refused;
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account without hashing: hash anyway, so a locked account takes as
            // long as any other and timing does not tell which accounts exist or are locked.
            hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
            await audit.RecordAsync("sign-in-locked", "users", user.Id, "failed", "account locked out", cancellationToken, user.Id, user.Email);
            return SignInOutcome.Refused;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await audit.RecordAsync(result.IsLockedOut ? "sign-in-locked" : "sign-in-failed", "users", user.Id, "failed",
                result.IsLockedOut ? "account locked out" : $"wrong password ({await users.GetAccessFailedCountAsync(user)} of {options.Value.LockoutFailures})", cancellationToken, user.Id, user.Email);
            return SignInOutcome.Refused;
        }

        var roles = await users.GetRolesAsync(user);
        var needsSecondFactor = user.HasTotp || roles.Any(options.Value.MfaRoles.Contains);
        if (!needsSecondFactor)
        {
            await CompleteAsync(http, user, secondFactor: false, cancellationToken);
            return SignInOutcome.SignedIn;
        }

        var pending = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PendingUserClaim, user.Id)], IdentityConstants.TwoFactorUserIdScheme));
        await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, pending);
        return user.HasTotp ? SignInOutcome.SecondFactorRequired : SignInOutcome.EnrolmentRequired;
    }

    /// <summary>The account whose password was accepted and whose second factor is awaited, if any.</summary>
    public async Task<AppUser?> PendingUserAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var id = result.Principal?.FindFirstValue(PendingUserClaim);
        var user = id is null ? null : await users.FindByIdAsync(id);
        return user is { IsActive: true } && !await users.IsLockedOutAsync(user) ? user : null;
    }

    public async Task<bool> SecondFactorAsync(HttpContext http, AppUser user, string? code, CancellationToken cancellationToken)
    {
        var step = user.TotpSecretProtected is null ? null : totp.Verify(totp.Unprotect(user.TotpSecretProtected), code, user.TotpLastStep);
        if (step is null)
        {
            await users.AccessFailedAsync(user);
            await audit.RecordAsync("second-factor-failed", "users", user.Id, "failed", "wrong or reused one-time code", cancellationToken, user.Id, user.Email);
            if (await users.IsLockedOutAsync(user))
            {
                await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            }

            return false;
        }

        user.TotpLastStep = step.Value;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await CompleteAsync(http, user, secondFactor: true, cancellationToken);
        return true;
    }

    /// <summary>
    /// Enrols a TOTP secret proven by a first code, then completes the sign-in. Only an account without a
    /// second factor may enrol one here: after the password alone, replacing an existing factor would let
    /// whoever knows the password take the account over. A wrong code counts toward the lockout like a
    /// wrong password.
    /// </summary>
    public async Task<EnrolmentOutcome> EnrolAsync(HttpContext http, AppUser user, string secret, string? code, CancellationToken cancellationToken)
    {
        if (user.HasTotp)
        {
            await users.AccessFailedAsync(user);
            await audit.RecordAsync("second-factor-enrolment-refused", "users", user.Id, "denied", "the account already has a second factor", cancellationToken, user.Id, user.Email);
            return EnrolmentOutcome.AlreadyEnrolled;
        }

        var step = totp.Verify(secret, code, 0);
        if (step is null)
        {
            await users.AccessFailedAsync(user);
            await audit.RecordAsync("second-factor-enrolment-failed", "users", user.Id, "failed", $"wrong code ({await users.GetAccessFailedCountAsync(user)} of {options.Value.LockoutFailures})", cancellationToken, user.Id, user.Email);
            if (await users.IsLockedOutAsync(user))
            {
                await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                return EnrolmentOutcome.LockedOut;
            }

            return EnrolmentOutcome.WrongCode;
        }

        user.TotpSecretProtected = totp.Protect(secret);
        user.TotpLastStep = step.Value;
        user.TwoFactorEnabled = true;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync("second-factor-enrolled", "users", user.Id, "ok", "TOTP", cancellationToken, user.Id, user.Email);
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await CompleteAsync(http, user, secondFactor: true, cancellationToken);
        return EnrolmentOutcome.Enrolled;
    }

    private async Task CompleteAsync(HttpContext http, AppUser user, bool secondFactor, CancellationToken cancellationToken)
    {
        // A new ticket (and cookie) is issued at sign-in, so nothing from before sign-in carries over.
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(IdentityFeature.MfaClaim, secondFactor ? "mfa" : "pwd"));
        identity.AddClaim(new Claim(IdentityFeature.AuthTimeClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await audit.RecordAsync("sign-in", "users", user.Id, "ok", secondFactor ? "password + TOTP" : "password", cancellationToken, user.Id, user.Email);
    }

    /// <summary>Re-issues this session's cookie after its account changed (new security stamp), keeping its factors and start time.</summary>
    public async Task RefreshAsync(HttpContext http, AppUser user)
    {
        var carried = http.User.Claims.Where(c => c.Type is IdentityFeature.MfaClaim or IdentityFeature.AuthTimeClaim).ToList();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaims(carried.Select(c => new Claim(c.Type, c.Value)));
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
    }

    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (id is not null)
        {
            await audit.RecordAsync("sign-out", "users", id, "ok", null, cancellationToken);
        }
    }
}

/// <summary>Adds the account's facts the pages and policies need to its principal.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, Accounts accounts)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = ClaimNames.DisplayName;
    public const string EnterpriseId = ClaimNames.EnterpriseId;
    public const string Department = ClaimNames.Department;
    public const string PasswordExpired = ClaimNames.PasswordExpired;

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.EnterpriseId is { } enterprise)
        {
            identity.AddClaim(new Claim(EnterpriseId, enterprise.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(user.Department))
        {
            identity.AddClaim(new Claim(Department, user.Department));
        }

        if (accounts.PasswordExpired(user))
        {
            identity.AddClaim(new Claim(PasswordExpired, "true"));
        }

        return identity;
    }
}
