using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// Keeps the enterprise full-text index in step with the registry: names in the title field; business,
/// products, quoted statements, chain nodes (with synonyms) and district in the body, so an enterprise
/// is found by what it does, not only by name.
/// </summary>
public sealed class EnterpriseSearchIndexer(ISearchDialect dialect) : IRebuildableIndex
{
    public SearchIndex Index => SearchIndex.Enterprises;

    public Task<long> SizeInBytesAsync(InnoClusterDbContext db, CancellationToken cancellationToken) => dialect.SizeInBytesAsync(db, Index, cancellationToken);

    public async Task IndexAsync(InnoClusterDbContext db, IReadOnlyCollection<int> enterpriseIds, CancellationToken cancellationToken)
    {
        if (enterpriseIds.Count == 0)
        {
            return;
        }

        var nodes = await db.Set<ChainNode>().AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken);
        var districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        foreach (var chunk in enterpriseIds.Chunk(2000))
        {
            var enterprises = await db.Set<Enterprise>().AsNoTracking()
                .Where(e => chunk.Contains(e.Id))
                .Include(e => e.Names).Include(e => e.ChainLinks).Include(e => e.Products).Include(e => e.Statements)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var rows = enterprises.AsParallel().AsOrdered().Select(e => Terms(e, nodes, districts)).ToList();
            await dialect.UpsertManyAsync(db, SearchIndex.Enterprises, rows, cancellationToken);
        }
    }

    /// <summary>Indexes new enterprises already in memory with their names, links, products and statements.</summary>
    public async Task IndexLoadedAsync(InnoClusterDbContext db, IReadOnlyCollection<Enterprise> enterprises, CancellationToken cancellationToken)
    {
        if (enterprises.Count == 0)
        {
            return;
        }

        var nodes = await db.Set<ChainNode>().AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken);
        var districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        // Segmenting is CPU work: spread it over the cores, then write in one pass.
        var rows = enterprises.AsParallel().AsOrdered().Select(e => Terms(e, nodes, districts)).ToList();
        await dialect.UpsertManyAsync(db, SearchIndex.Enterprises, rows, cancellationToken, areNew: true);
    }

    public async Task RebuildAsync(InnoClusterDbContext db, CancellationToken cancellationToken)
    {
        await dialect.ClearAsync(db, SearchIndex.Enterprises, cancellationToken);
        var ids = await db.Set<Enterprise>().Select(e => e.Id).ToListAsync(cancellationToken);
        await IndexAsync(db, ids, cancellationToken);
    }

    internal static (long Id, string TitleTerms, string BodyTerms) Terms(
        Enterprise enterprise, IReadOnlyDictionary<int, ChainNode> nodes, IReadOnlyDictionary<int, District> districts)
    {
        var analyzer = SearchAnalyzer.Default;
        var title = string.Join(' ', enterprise.AllNames);
        var body = new List<string?> { enterprise.Business };
        body.AddRange(enterprise.Products.Select(p => $"{p.Name} {p.Description}"));
        body.AddRange(enterprise.Statements.Select(s => s.Source.Quote));
        foreach (var link in enterprise.ChainLinks)
        {
            if (nodes.TryGetValue(link.ChainNodeId, out var node))
            {
                body.AddRange(node.AllNames);
            }
        }

        if (enterprise.DistrictId is { } districtId && districts.TryGetValue(districtId, out var district))
        {
            body.Add(district.Name);
            body.AddRange(district.Aliases);
        }

        var bodyText = ConversionArtefacts.RemovePinyin(string.Join('\n', body.Where(b => !string.IsNullOrWhiteSpace(b))));
        return (enterprise.Id, analyzer.IndexString(title), analyzer.IndexString(bodyText));
    }
}
