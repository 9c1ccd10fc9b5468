using System.Linq.Expressions;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Plans;

/// <summary>The action plans imported so far, oldest first, with the years they cover and how many targets each has.</summary>
public sealed class ListPlans(InnoClusterDbContext db)
{
    public sealed record Item(int Id, string Title, int DocumentId, int? StartYear, int? EndYear, int Targets);

    internal static readonly Expression<Func<ActionPlan, Item>> Projection = p => new Item(p.Id, p.Title, p.DocumentId, p.StartYear, p.EndYear, p.Targets.Count);

    public async Task<IReadOnlyList<Item>> RunAsync(CancellationToken cancellationToken) =>
        await db.Set<ActionPlan>().AsNoTracking().OrderBy(p => p.Id).Select(Projection).ToListAsync(cancellationToken);

    public async Task<Item?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<ActionPlan>().AsNoTracking().Where(p => p.Id == id).Select(Projection).SingleOrDefaultAsync(cancellationToken);
}
