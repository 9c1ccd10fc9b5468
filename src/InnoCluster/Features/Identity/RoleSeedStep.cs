using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Identity;

/// <summary>The platform's roles. No account is created: the first administrator comes from `users add`.</summary>
public sealed class RoleSeedStep : ISeedStep
{
    public string Name => "roles";

    public int Order => 1;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = [];

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var existing = await db.Set<IdentityRole>().Select(r => r.Name ?? "").ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existing, StringComparer.Ordinal))
        {
            db.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
