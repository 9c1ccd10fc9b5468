using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>The searches a person follows, newest first.</summary>
public sealed class ListFollowedSearches(InnoClusterDbContext db, IEnumerable<ISavedSearchSource> sources)
{
    public async Task<IReadOnlyList<FollowSearch.View>> RunAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await db.Set<SavedSearch>().AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToListAsync(cancellationToken))
            .Select(s => FollowSearch.ViewOf(s, sources.FirstOrDefault(source => source.Kind == s.Kind)))];
}
