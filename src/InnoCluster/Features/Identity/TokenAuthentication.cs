using System.Security.Claims;
using System.Text.Encodings.Web;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Identity;

/// <summary>
/// "Authorization: Bearer ic_…" with a personal access token. The principal carries the user's roles as
/// they are now (revoking a role or deactivating the account takes effect on the next request).
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    InnoClusterDbContext db,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals,
    AuditTrail audit,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        if (!presented.StartsWith(PersonalAccessTokens.TokenPrefix, StringComparison.Ordinal) || presented.Length > 100)
        {
            return AuthenticateResult.Fail("not a personal access token");
        }

        var hash = PersonalAccessToken.HashOf(presented);
        var now = clock.GetUtcNow();
        var token = await db.Set<PersonalAccessToken>().SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId);
        if (token is null || !token.IsUsableAt(now) || user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync("token-refused", "personal_access_tokens", token?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "denied",
                token is null ? "unknown token" : "revoked, expired or account inactive", Context.RequestAborted, token?.UserId, user?.Email ?? "anonymous");
            return AuthenticateResult.Fail("the token is unknown, revoked or expired");
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            // Tracked without auditing every request: last use is bookkeeping, not a business change.
            await db.Set<PersonalAccessToken>().Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim("amr", "pat"));
        identity.AddClaim(new Claim("token_id", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, SchemeName, identity.NameClaimType, identity.RoleClaimType)), SchemeName));
    }
}
