using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>Lists and reads demands: the public sees published ones; officials see drafts too.</summary>
public sealed class DemandQueries(InnoClusterDbContext db)
{
    public sealed record Item(int Id, string Title, string Excerpt, string? Sector, DemandStatus Status, Provenance Source, DateTimeOffset UpdatedAt);

    public sealed record Details(int Id, string? ExternalId, string Title, string Problem, string? Sector, DemandStatus Status, Provenance Source, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public async Task<Page<Item>> ListAsync(string? q, string? status, int page, int pageSize, bool official, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize, 1, 200);
        var number = Math.Max(1, page);
        var query = db.Set<Demand>().AsNoTracking();
        query = official ? query : query.Where(d => d.Status == DemandStatus.Published);
        if (Enum.TryParse<DemandStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(d => d.Status == wanted);
        }

        var rows = await query.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        // Hundreds to a few thousand demands: filtered in memory. (Ranked matching against solutions will use
        // the search analyzer; see the scenario issue.)
        var filter = new WordFilter(q);
        if (!filter.IsEmpty)
        {
            rows = [.. rows.Where(d => filter.Matches(d.Title + " " + d.Problem))];
        }

        var items = rows.Skip((number - 1) * size).Take(size)
            .Select(d => new Item(d.Id, d.Title, d.Problem.Length > 120 ? d.Problem[..120] + "…" : d.Problem, d.Sector, d.Status, d.Source, d.UpdatedAt))
            .ToList();
        return new Page<Item>(items, rows.Count, number, size);
    }

    public async Task<Details?> GetAsync(int id, bool official, CancellationToken cancellationToken)
    {
        var d = await db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        return d is null || (!official && d.Status != DemandStatus.Published)
            ? null
            : new Details(d.Id, d.ExternalId, d.Title, d.Problem, d.Sector, d.Status, d.Source, d.CreatedAt, d.UpdatedAt);
    }
}
