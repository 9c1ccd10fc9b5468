using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>A person who acts for a firm: the owner manages the others.</summary>
[FeatureContract]
public sealed record FirmMember(string UserId, string Name, string Email, bool IsOwner);

/// <summary>A person as the workspace sees them before they join a firm: who, which firm (if any), and whether they act for the office.</summary>
[FeatureContract]
public sealed record PersonInfo(string UserId, string Name, string Email, int? EnterpriseId, bool ActsForOffice);

/// <summary>
/// Who acts for which firm, for the workspace that admits and removes them: joining gives the Enterprise role
/// and binds the account to the firm; leaving takes both away, so the firm's mail and pages stop at once
/// (every request re-reads the account). Each change is audited.
/// </summary>
[FeatureContract]
public interface IFirmAccounts
{
    Task<PersonInfo?> PersonAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The active accounts acting for the firm, the owner first.</summary>
    Task<IReadOnlyList<FirmMember>> MembersAsync(int enterpriseId, CancellationToken cancellationToken);

    /// <summary>Every active account acting for a firm, with its firm: few beside the firms, so read whole.</summary>
    Task<IReadOnlyList<(string UserId, int EnterpriseId)>> AllMembersAsync(CancellationToken cancellationToken);

    Task<Result> JoinAsync(string userId, int enterpriseId, bool asOwner, CancellationToken cancellationToken);

    Task<Result> LeaveAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Makes this member the firm's owner, and the previous owner an ordinary member.</summary>
    Task<Result> HandOverAsync(int enterpriseId, string userId, CancellationToken cancellationToken);
}

public sealed class FirmAccounts(InnoClusterDbContext db, UserManager<AppUser> users, AuditTrail audit) : IFirmAccounts
{
    public async Task<PersonInfo?> PersonAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is not { IsActive: true })
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        var forOffice = roles.Any(r => r == Roles.Official || r == Roles.Department || RoleRules.IsAdministrative(r));
        return new PersonInfo(user.Id, user.DisplayName, user.Email ?? "", roles.Contains(Roles.Enterprise) ? user.EnterpriseId : null, forOffice);
    }

    public async Task<IReadOnlyList<FirmMember>> MembersAsync(int enterpriseId, CancellationToken cancellationToken) =>
        await (from user in db.Set<AppUser>().AsNoTracking()
               join link in db.Set<IdentityUserRole<string>>() on user.Id equals link.UserId
               join role in db.Set<IdentityRole>() on link.RoleId equals role.Id
               where role.Name == Roles.Enterprise && user.EnterpriseId == enterpriseId && user.DeactivatedAt == null && user.ErasedAt == null
               orderby user.IsEnterpriseOwner descending, user.CreatedAt
               select new FirmMember(user.Id, user.DisplayName, user.Email ?? "", user.IsEnterpriseOwner)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<(string UserId, int EnterpriseId)>> AllMembersAsync(CancellationToken cancellationToken) =>
        (await (from user in db.Set<AppUser>().AsNoTracking()
                join link in db.Set<IdentityUserRole<string>>() on user.Id equals link.UserId
                join role in db.Set<IdentityRole>() on link.RoleId equals role.Id
                where role.Name == Roles.Enterprise && user.EnterpriseId != null && user.DeactivatedAt == null && user.ErasedAt == null
                select new { user.Id, user.EnterpriseId }).ToListAsync(cancellationToken))
        .Select(m => (m.Id, m.EnterpriseId!.Value)).ToList();

    public async Task<Result> JoinAsync(string userId, int enterpriseId, bool asOwner, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is not { IsActive: true })
        {
            return Problem.NotFound("未找到账号 / no such account");
        }

        user.EnterpriseId = enterpriseId;
        user.IsEnterpriseOwner = asOwner;
        await users.UpdateAsync(user);
        if (!await users.IsInRoleAsync(user, Roles.Enterprise))
        {
            await users.AddToRoleAsync(user, Roles.Enterprise);
        }

        await audit.RecordAsync("firm-joined", "users", user.Id, "ok", $"enterprise {enterpriseId}{(asOwner ? " (owner)" : "")}", cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> LeaveAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Problem.NotFound("未找到账号 / no such account");
        }

        var left = user.EnterpriseId;
        user.EnterpriseId = null;
        user.IsEnterpriseOwner = false;
        await users.UpdateAsync(user);
        if (await users.IsInRoleAsync(user, Roles.Enterprise))
        {
            await users.RemoveFromRoleAsync(user, Roles.Enterprise);
        }

        await audit.RecordAsync("firm-left", "users", user.Id, "ok", $"enterprise {left}", cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> HandOverAsync(int enterpriseId, string userId, CancellationToken cancellationToken)
    {
        var members = await db.Set<AppUser>().Where(u => u.EnterpriseId == enterpriseId && (u.Id == userId || u.IsEnterpriseOwner)).ToListAsync(cancellationToken);
        if (members.Find(u => u.Id == userId) is not { IsActive: true })
        {
            return Problem.NotFound("该账号不是本企业成员 / not a member of this firm");
        }

        members.ForEach(u => u.IsEnterpriseOwner = u.Id == userId);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("firm-owner-changed", "users", userId, "ok", $"enterprise {enterpriseId}", cancellationToken);
        return Result.Ok();
    }
}
