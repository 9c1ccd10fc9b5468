using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>Whom to tell: the addresses of active accounts, for the features that send messages.</summary>
[FeatureContract]
public interface IAccountDirectory
{
    /// <summary>The e-mail of each of these accounts that is active.</summary>
    Task<IReadOnlyDictionary<string, string>> EmailsOfAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>The e-mails of the active accounts acting for these enterprises.</summary>
    Task<IReadOnlyList<string>> EmailsOfEnterprisesAsync(IReadOnlyCollection<int> enterpriseIds, CancellationToken cancellationToken);

    /// <summary>The e-mails of the active accounts of these responsible units, by unit.</summary>
    Task<ILookup<string, string>> EmailsOfUnitsAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken);

    /// <summary>The e-mail addresses of the active accounts that hold a role (the desk: every official).</summary>
    Task<IReadOnlyList<string>> EmailsOfRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>The id of the active account with this e-mail that holds the role, or null.</summary>
    Task<string?> AccountWithRoleAsync(string email, string role, CancellationToken cancellationToken);
}

public sealed class AccountDirectory(InnoClusterDbContext db) : IAccountDirectory
{
    private IQueryable<AppUser> Active => db.Set<AppUser>().AsNoTracking().Where(u => u.DeactivatedAt == null && u.ErasedAt == null && u.Email != null);

    public async Task<IReadOnlyDictionary<string, string>> EmailsOfAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await Active.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);

    public async Task<IReadOnlyList<string>> EmailsOfEnterprisesAsync(IReadOnlyCollection<int> enterpriseIds, CancellationToken cancellationToken) =>
        await Active.Where(u => u.EnterpriseId != null && enterpriseIds.Contains(u.EnterpriseId.Value)).Select(u => u.Email!).ToListAsync(cancellationToken);

    public async Task<ILookup<string, string>> EmailsOfUnitsAsync(IReadOnlyCollection<string> units, CancellationToken cancellationToken) =>
        (await Active.Where(u => u.Department != null && units.Contains(u.Department)).Select(u => new { u.Department, u.Email }).ToListAsync(cancellationToken))
            .ToLookup(u => u.Department!, u => u.Email!, StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> EmailsOfRoleAsync(string role, CancellationToken cancellationToken) =>
        await (from user in Active
               join link in db.Set<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>() on user.Id equals link.UserId
               join named in db.Set<Microsoft.AspNetCore.Identity.IdentityRole>() on link.RoleId equals named.Id
               where named.Name == role
               select user.Email!).Distinct().ToListAsync(cancellationToken);

    public async Task<string?> AccountWithRoleAsync(string email, string role, CancellationToken cancellationToken)
    {
        var normalised = email.Trim().ToUpperInvariant();
        return await (from user in Active
                      join link in db.Set<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>() on user.Id equals link.UserId
                      join named in db.Set<Microsoft.AspNetCore.Identity.IdentityRole>() on link.RoleId equals named.Id
                      where named.Name == role && user.NormalizedEmail == normalised
                      select user.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
