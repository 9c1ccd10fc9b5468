using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>A person stops following a search; someone else's is not found.</summary>
public sealed class UnfollowSearch(InnoClusterDbContext db)
{
    public async Task<Result> RunAsync(string userId, int id, CancellationToken cancellationToken) =>
        await db.Set<SavedSearch>().Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 0 ? Problem.NotFound() : Result.Ok();
}
