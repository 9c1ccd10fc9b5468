using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>A person marks one of their notices read (or all of them); someone else's is not found.</summary>
public sealed class MarkNotificationsRead(InnoClusterDbContext db, TimeProvider clock)
{
    public async Task<Result> OneAsync(string userId, long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await db.Set<Notification>().AnyAsync(n => n.Id == id && n.UserId == userId, cancellationToken))
        {
            return Problem.NotFound();
        }

        await db.Set<Notification>().Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return Result.Ok();
    }

    public async Task<int> AllAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
