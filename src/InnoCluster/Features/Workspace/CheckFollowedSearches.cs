using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Workspace;

/// <summary>
/// Before the digest: each followed search is run again, and what was not in the list last time is told to its
/// follower (once per result), so it arrives in that person's next digest.
/// </summary>
public sealed class CheckFollowedSearches(InnoClusterDbContext db, IEnumerable<ISavedSearchSource> sources, Notifier notifier, TimeProvider clock)
{
    public sealed record Checked(int Searches, int NewResults);

    public async Task<Checked> RunAsync(CancellationToken cancellationToken)
    {
        var found = 0;
        var searches = await db.Set<SavedSearch>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        foreach (var search in searches)
        {
            if (sources.FirstOrDefault(s => s.Kind == search.Kind) is not { } source)
            {
                continue;
            }

            var snapshot = await source.RunAsync(search.Query, cancellationToken);
            var fresh = snapshot.Problems.Count > 0 ? [] : search.TakeNew(snapshot.Hits, clock.GetUtcNow());
            await db.Set<SavedSearch>().Where(s => s.Id == search.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.SeenJson, search.SeenJson).SetProperty(s => s.CheckedAt, search.CheckedAt), cancellationToken);
            foreach (var hit in fresh)
            {
                found += await notifier.TellPeopleAsync([search.UserId], new Notice(
                    $"search:{search.Id}:{hit.Id}", NoticeKind.Search, $"关注的检索「{search.Label}」有新结果：{hit.Title}", $"New result for “{search.Label}”: {hit.Title}", hit.Link), cancellationToken);
            }
        }

        return new Checked(searches.Count, found);
    }
}
