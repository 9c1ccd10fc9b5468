using System.Security.Claims;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Identity;

/// <summary>
/// A person creates a personal access token for themselves. Only from a browser session that signed in
/// recently (a token cannot mint another token, and a stolen idle session cannot either), and only for an
/// account that has a role.
/// </summary>
public sealed class CreateToken(PersonalAccessTokens tokens, IOptions<SecurityOptions> options, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<PersonalAccessTokens.Created>> RunAsync(ClaimsPrincipal user, string? name, int? days, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (user.Identity?.AuthenticationType != IdentityConstants.ApplicationScheme)
        {
            await audit.RecordAsync("token-refused", "personal_access_tokens", null, "denied", "minted with a token", cancellationToken);
            return Problem.Forbidden("令牌不能用来创建令牌，请在浏览器中登录后创建 / a token cannot create tokens: sign in with a browser to create one");
        }

        if (!SignedInRecently(user))
        {
            return Problem.Forbidden($"创建令牌须在最近 {options.Value.RecentSignInMinutes} 分钟内登录过，请重新登录 / creating a token needs a sign-in within the last {options.Value.RecentSignInMinutes} minutes: sign in again");
        }

        if (!Roles.All.Any(user.IsInRole))
        {
            return Problem.Forbidden("账号尚未分配角色，不能创建令牌 / an account without a role cannot create tokens");
        }

        return await tokens.CreateAsync(userId, name ?? "API", days ?? 90, cancellationToken);
    }

    private bool SignedInRecently(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(IdentityFeature.AuthTimeClaim), out var seconds)
        && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= TimeSpan.FromMinutes(options.Value.RecentSignInMinutes);
}
