using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Scenarios;

/// <summary>Lists and reads solutions with their vendor; public (solutions are published by their vendor).</summary>
public sealed class SolutionQueries(InnoClusterDbContext db, IRegistryDirectory registry)
{
    public sealed record Item(
        int Id, int EnterpriseId, string Enterprise, string Title, string Description, IReadOnlyList<string> Capabilities, IReadOnlyList<string> Sectors,
        IReadOnlyList<string> ChainNodes, string? ReferenceCases, string? Price, DateTimeOffset UpdatedAt);

    public async Task<Page<Item>> ListAsync(string? q, int? enterpriseId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize, 1, 200);
        var number = Math.Max(1, page);
        var query = db.Set<Solution>().AsNoTracking();
        if (enterpriseId is { } id)
        {
            query = query.Where(s => s.EnterpriseId == id);
        }

        var filter = new WordFilter(q);
        List<Solution> rows;
        int total;
        if (filter.IsEmpty)
        {
            total = await query.CountAsync(cancellationToken);
            rows = await query.OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        }
        else
        {
            var all = (await query.OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id).Take(5000).ToListAsync(cancellationToken))
                .Where(s => filter.Matches(s.Title + " " + s.Description + " " + string.Join(' ', s.Capabilities))).ToList();
            total = all.Count;
            rows = all.Skip((number - 1) * size).Take(size).ToList();
        }

        return new Page<Item>(await ItemsAsync(rows, cancellationToken), total, number, size);
    }

    public async Task<Item?> GetAsync(int id, CancellationToken cancellationToken) =>
        (await ItemsAsync(await db.Set<Solution>().AsNoTracking().Where(s => s.Id == id).ToListAsync(cancellationToken), cancellationToken)).SingleOrDefault();

    private async Task<List<Item>> ItemsAsync(List<Solution> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.EnterpriseId).Distinct().ToList();
        var names = await registry.EnterpriseNamesAsync(ids, cancellationToken);
        return rows.Select(s => new Item(s.Id, s.EnterpriseId, names.GetValueOrDefault(s.EnterpriseId) ?? "", s.Title, s.Description, s.Capabilities, s.Sectors, s.ChainNodes, s.ReferenceCases, s.PriceText, s.UpdatedAt)).ToList();
    }
}
