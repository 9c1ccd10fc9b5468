using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>
/// A second security administrator (not the one who asked, not the account concerned), or the operator
/// at the console, approves or rejects a request for an administrator role.
/// </summary>
public sealed class DecideRoleRequest(UserManager<AppUser> users, InnoClusterDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<RoleRequestView>> RunAsync(AdminActor actor, int requestId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var request = await db.Set<RoleRequest>().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return Problem.NotFound("未找到该申请 / no such request");
        }

        if (RoleRules.WhyNotDecide(actor.Id, request) is { } why)
        {
            await audit.RecordAsync("role-request-refused", "role_requests", requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), "denied", why, cancellationToken);
            return Problem.Forbidden(why);
        }

        if (request.Status != RoleRequestStatus.Pending)
        {
            return Problem.Conflict($"该申请已处理（{request.Status}） / the request was already decided ({request.Status})");
        }

        var user = await users.FindByIdAsync(request.UserId);
        if (approve)
        {
            if (user is null || !user.IsActive)
            {
                return Problem.Conflict("账号已停用或不存在 / the account is inactive or gone");
            }

            var current = await users.GetRolesAsync(user);
            if (RoleRules.WhyNotHeldTogether(current.Append(request.Role)) is { } together)
            {
                return Problem.Conflict(together);
            }

            if (!current.Contains(request.Role, StringComparer.Ordinal))
            {
                await users.AddToRoleAsync(user, request.Role);
            }

            audit.Add("role-granted", "users", request.UserId, "ok", $"{request.Role} (request {request.Id} by {request.RequestedByName}, approved by {actor.Name})");
        }

        request.Decide(approve, actor.Id, actor.Name, reason, clock.GetUtcNow());
        audit.Add(approve ? "role-request-approved" : "role-request-rejected", "role_requests", request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", request.Role);
        await db.SaveChangesAsync(cancellationToken);
        return RoleRequestView.Of(request);
    }

    public async Task<IReadOnlyList<RoleRequestView>> ListAsync(RoleRequestStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Set<RoleRequest>().AsNoTracking();
        if (status is not null)
        {
            query = query.Where(r => r.Status == status);
        }

        var rows = await query.OrderByDescending(r => r.RequestedAt).Take(500).ToListAsync(cancellationToken);
        return rows.Select(RoleRequestView.Of).ToList();
    }
}
