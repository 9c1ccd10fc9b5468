using InnoCluster.Infrastructure.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace InnoCluster.Features.Identity;

/// <summary>Every access denial (403, and 401 on a protected endpoint) is an audit row.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden || authorizeResult.Challenged)
        {
            var audit = context.RequestServices.GetRequiredService<AuditTrail>();
            await audit.RecordAsync(
                "access-denied",
                "endpoint",
                $"{context.Request.Method} {context.Request.Path}",
                authorizeResult.Forbidden ? "forbidden" : "unauthenticated",
                string.Join(", ", policy.Requirements.Select(r => r.ToString())),
                context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
