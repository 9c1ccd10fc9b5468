using InnoCluster.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>Every account with its roles and state; the telephone number masked.</summary>
public sealed class ListAccounts(InnoClusterDbContext db, TimeProvider clock, PersonalData personal)
{
    public async Task<IReadOnlyList<Accounts.AccountView>> RunAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<AppUser>().AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleNames = await db.Set<IdentityRole>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var userRoles = (await db.Set<IdentityUserRole<string>>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.UserId, r => roleNames[r.RoleId]);
        var now = clock.GetUtcNow();
        return [.. all.Select(u => new Accounts.AccountView(u.Id, u.Email ?? "", u.DisplayName, [.. userRoles[u.Id].Order(StringComparer.Ordinal)], u.EnterpriseId, u.Department, u.Organisation,
            PersonalData.Mask(personal.Unprotect(u.PhoneProtected)), u.HasTotp, u.IsActive, u.LockoutEnd > now, u.CreatedAt, u.LastSignInAt))];
    }
}
