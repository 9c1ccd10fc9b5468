using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>The demands' full-text index: title; problem and capabilities. Written in the caller's unit of work.</summary>
public sealed class DemandIndex(ISearchDialect dialect) : IRebuildableIndex
{
    public SearchIndex Index => SearchIndex.Demands;

    public Task<long> SizeInBytesAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => dialect.SizeInBytesAsync(db, Index, cancellationToken);

    public async Task IndexAsync(InnoClusterDbContext db, IReadOnlyCollection<Demand> demands, CancellationToken cancellationToken, bool areNew = false)
    {
        var analyzer = SearchAnalyzer.Default;
        var rows = demands.AsParallel().AsOrdered()
            .Select(d => ((long)d.Id, analyzer.IndexString(d.Title), analyzer.IndexString(d.Problem + "\n" + string.Join("\n", d.Capabilities)))).ToList();
        await dialect.UpsertManyAsync(db, Index, rows, cancellationToken, areNew);
    }

    public async Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        await dialect.ClearAsync(db, Index, cancellationToken);
        var last = 0;
        while (await db.Set<Demand>().AsNoTracking().Where(d => d.Id > last).OrderBy(d => d.Id).Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } batch)
        {
            await IndexAsync(db, batch, cancellationToken, areNew: true);
            last = batch[^1].Id;
        }
    }
}

/// <summary>The solutions' full-text index: title; description, capabilities, reference cases and the names of their chain nodes.</summary>
public sealed class SolutionIndex(ISearchDialect dialect, IServiceScopeFactory scopes) : IRebuildableIndex
{
    public SearchIndex Index => SearchIndex.Solutions;

    public Task<long> SizeInBytesAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => dialect.SizeInBytesAsync(db, Index, cancellationToken);

    public async Task IndexAsync(InnoClusterDbContext db, IReadOnlyCollection<Solution> solutions, CancellationToken cancellationToken, bool areNew = false)
    {
        Dictionary<string, string> names;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // The chain's names are reference data, read from the registry apart from the caller's unit of work.
            names = (await scope.ServiceProvider.GetRequiredService<Registry.IRegistryDirectory>().ChainNodesAsync(cancellationToken)).ToDictionary(n => n.Code, n => string.Join(' ', n.AllNames));
        }

        var analyzer = SearchAnalyzer.Default;
        var rows = solutions.AsParallel().AsOrdered().Select(s =>
        {
            var body = string.Join("\n", new[] { s.Description, string.Join("、", s.Capabilities), s.ReferenceCases ?? "" }.Concat(s.ChainNodes.Select(c => names.GetValueOrDefault(c) ?? "")));
            return ((long)s.Id, analyzer.IndexString(s.Title), analyzer.IndexString(body));
        }).ToList();
        await dialect.UpsertManyAsync(db, Index, rows, cancellationToken, areNew);
    }

    public async Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        await dialect.ClearAsync(db, Index, cancellationToken);
        var last = 0;
        while (await db.Set<Solution>().AsNoTracking().Where(s => s.Id > last).OrderBy(s => s.Id).Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } batch)
        {
            await IndexAsync(db, batch, cancellationToken, areNew: true);
            last = batch[^1].Id;
        }
    }
}
