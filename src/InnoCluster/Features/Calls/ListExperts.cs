using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>The expert pool for the office, with each expert's open and finished reviews.</summary>
public sealed class ListExperts(InnoClusterDbContext db, IRegistryDirectory registry)
{
    public sealed record Item(int Id, string Name, string Affiliation, IReadOnlyList<string> Fields, IReadOnlyList<DeclaredInterest> Interests, bool Active, int Open, int Scored, int Recused);

    public async Task<IReadOnlyList<Item>> RunAsync(CancellationToken cancellationToken)
    {
        var codes = (await registry.ChainNodesAsync(cancellationToken)).ToDictionary(n => n.Id, n => n.Code);
        var experts = await db.Set<Expert>().AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);
        var work = await db.Set<ReviewAssignment>().GroupBy(r => new { r.ExpertId, r.Status }).Select(g => new { g.Key.ExpertId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(int expert, AssignmentStatus status) => work.Where(w => w.ExpertId == expert && w.Status == status).Sum(w => w.Count);
        return [.. experts.Select(e => new Item(e.Id, e.Name, e.Affiliation, [.. e.ChainNodeIds.Where(codes.ContainsKey).Select(id => codes[id])], e.Interests, e.Active,
            Count(e.Id, AssignmentStatus.Assigned), Count(e.Id, AssignmentStatus.Scored), Count(e.Id, AssignmentStatus.Recused)))];
    }
}
