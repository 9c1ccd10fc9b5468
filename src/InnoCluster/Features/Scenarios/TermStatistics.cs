using System.Collections.Concurrent;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// How many records of an index hold a word, and how many records it has, remembered for an hour: word
/// statistics move slowly, and counting a common word's holders on every request would cost what leaving it
/// out of retrieval saves. Hand-written: neither FTS5 nor PostgreSQL offers cheap per-term counts here.
/// </summary>
public sealed class TermStatistics(ISearchDialect search, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string Index, string Term), (int Count, DateTimeOffset At)> _documents = new();
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset At)> _sizes = new(StringComparer.Ordinal);

    public async Task<int> DocumentsWithAsync(InnoClusterDbContext db, SearchIndex index, string term, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_documents.TryGetValue((index.Name, term), out var known) && now - known.At < Lifetime)
        {
            return known.Count;
        }

        var count = await search.MatchIds(db, index, [new QueryTerm(term, [])]).CountAsync(cancellationToken);
        _documents[(index.Name, term)] = (count, now);
        return count;
    }

    /// <summary>How many records the index covers; <paramref name="enterprises"/> asks the registry for its own index.</summary>
    public async Task<int> SizeAsync(InnoClusterDbContext db, SearchIndex index, Func<CancellationToken, Task<int>> enterprises, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_sizes.TryGetValue(index.Name, out var known) && now - known.At < Lifetime)
        {
            return known.Count;
        }

        var count = index == SearchIndex.Solutions ? await db.Set<Solution>().CountAsync(cancellationToken)
            : index == SearchIndex.Demands ? await db.Set<Demand>().CountAsync(cancellationToken)
            : await enterprises(cancellationToken);
        _sizes[index.Name] = (count, now);
        return count;
    }
}
