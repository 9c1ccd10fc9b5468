using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>The demands' full-text index: title; problem and capabilities. Written in the caller's unit of work.</summary>
public sealed class DemandIndex(ISearchDialect dialect) : SqlSearchIndex(dialect)
{
    public override SearchIndex Index => SearchIndex.Demands;

    public Task IndexAsync(InnoClusterDbContext db, IReadOnlyCollection<Demand> demands, CancellationToken cancellationToken, bool areNew = false) =>
        WriteAsync(db, [.. demands.Select(TextOf)], cancellationToken, areNew);

    protected override async Task<Batch?> ReadBatchAsync(InnoClusterDbContext db, long after, CancellationToken cancellationToken) =>
        await db.Set<Demand>().AsNoTracking().Where(d => d.Id > after).OrderBy(d => d.Id).Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } batch
            ? new Batch([.. batch.Select(TextOf)], batch[^1].Id)
            : null;

    private static Text TextOf(Demand d) => new(d.Id, d.Title, d.Problem + "\n" + string.Join("\n", d.Capabilities));
}

/// <summary>The solutions' full-text index: title; description, capabilities, reference cases and the names of their chain nodes.</summary>
public sealed class SolutionIndex(ISearchDialect dialect, IServiceScopeFactory scopes) : SqlSearchIndex(dialect)
{
    public override SearchIndex Index => SearchIndex.Solutions;

    public async Task IndexAsync(InnoClusterDbContext db, IReadOnlyCollection<Solution> solutions, CancellationToken cancellationToken, bool areNew = false) =>
        await WriteAsync(db, await TextsAsync(solutions, cancellationToken), cancellationToken, areNew);

    protected override async Task<Batch?> ReadBatchAsync(InnoClusterDbContext db, long after, CancellationToken cancellationToken) =>
        await db.Set<Solution>().AsNoTracking().Where(s => s.Id > after).OrderBy(s => s.Id).Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } batch
            ? new Batch(await TextsAsync(batch, cancellationToken), batch[^1].Id)
            : null;

    private async Task<IReadOnlyList<Text>> TextsAsync(IReadOnlyCollection<Solution> solutions, CancellationToken cancellationToken)
    {
        Dictionary<string, string> names;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // The chain's names are reference data, read from the registry apart from the caller's unit of work.
            names = (await scope.ServiceProvider.GetRequiredService<Registry.IRegistryDirectory>().ChainNodesAsync(cancellationToken)).ToDictionary(n => n.Code, n => string.Join(' ', n.AllNames));
        }

        return [.. solutions.Select(s => new Text(s.Id, s.Title,
            string.Join("\n", new[] { s.Description, string.Join("、", s.Capabilities), s.ReferenceCases ?? "" }.Concat(s.ChainNodes.Select(c => names.GetValueOrDefault(c) ?? "")))))];
    }
}
