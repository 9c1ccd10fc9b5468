using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>
/// A security administrator sets another account's roles. Roles that are not administrative apply at
/// once; an administrator role becomes a request that a second administrator approves
/// (<see cref="DecideRoleRequest"/>). Nobody changes their own roles.
/// </summary>
public sealed class ChangeRoles(Accounts accounts, UserManager<AppUser> users, InnoClusterDbContext db, AuditTrail audit, TimeProvider clock)
{
    public sealed record Request(IReadOnlyList<string>? Roles, int? EnterpriseId);

    /// <summary>The roles now held, and the requests waiting for a second administrator.</summary>
    public sealed record Changed(IReadOnlyList<string> Roles, IReadOnlyList<RoleRequestView> Pending);

    public async Task<Result<Changed>> RunAsync(AdminActor actor, string userId, Request request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Problem.NotFound("未找到账号 / no such account");
        }

        if (RoleRules.WhyNotActOn(actor.Id, userId) is { } self)
        {
            await audit.RecordAsync("role-change-refused", "users", userId, "denied", "own roles", cancellationToken);
            return Problem.Forbidden(self);
        }

        var requested = (request.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknown = requested.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            return Problem.Invalid("roles", $"未知角色：{string.Join("、", unknown)} / unknown role: {string.Join(", ", unknown)} (roles: {string.Join(", ", Roles.All)})");
        }

        if (RoleRules.WhyNotHeldTogether(requested) is { } together)
        {
            return Problem.Invalid("roles", together);
        }

        var current = await users.GetRolesAsync(user);
        var waiting = actor.IsConsole ? [] : RoleRules.NeedingApproval(current, requested);
        var applied = requested.Except(waiting, StringComparer.Ordinal).ToList();
        if ((await accounts.SetRolesAsync(userId, applied, request.EnterpriseId, cancellationToken)).Problem is { } refused)
        {
            return refused;
        }

        var pending = new List<RoleRequest>();
        foreach (var role in waiting)
        {
            pending.Add(await RequestAsync(actor, userId, role, cancellationToken));
        }

        return new Changed(applied.Order(StringComparer.Ordinal).ToList(), pending.Select(RoleRequestView.Of).ToList());
    }

    /// <summary>Files a request for an administrator role (or returns the one already waiting).</summary>
    public async Task<RoleRequest> RequestAsync(AdminActor actor, string userId, string role, CancellationToken cancellationToken)
    {
        var existing = await db.Set<RoleRequest>().SingleOrDefaultAsync(r => r.UserId == userId && r.Role == role && r.Status == RoleRequestStatus.Pending, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var request = new RoleRequest { UserId = userId, Role = role, RequestedById = actor.Id, RequestedByName = actor.Name, RequestedAt = clock.GetUtcNow(), Status = RoleRequestStatus.Pending };
        db.Add(request);
        audit.Add("role-requested", "users", userId, "pending", role);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }
}

public sealed record RoleRequestView(int Id, string UserId, string Role, string RequestedBy, DateTimeOffset RequestedAt, string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason)
{
    public static RoleRequestView Of(RoleRequest r) =>
        new(r.Id, r.UserId, r.Role, r.RequestedByName, r.RequestedAt, r.Status.ToString(), r.DecidedByName, r.DecidedAt, r.Reason);
}
