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
public sealed class EnterpriseSearchIndexer(ISearchDialect dialect) : SqlSearchIndex(dialect)
{
    public override SearchIndex Index => SearchIndex.Enterprises;

    public async Task IndexAsync(InnoClusterDbContext db, IReadOnlyCollection<int> enterpriseIds, CancellationToken cancellationToken)
    {
        var (nodes, districts) = await LookupsAsync(db, cancellationToken);
        foreach (var chunk in enterpriseIds.Chunk(2000))
        {
            var enterprises = await Loaded(db).Where(e => chunk.Contains(e.Id)).ToListAsync(cancellationToken);
            await WriteAsync(db, [.. enterprises.Select(e => TextOf(e, nodes, districts))], cancellationToken);
        }
    }

    /// <summary>Indexes new enterprises already in memory with their names, links, products and statements.</summary>
    public async Task IndexLoadedAsync(InnoClusterDbContext db, IReadOnlyCollection<Enterprise> enterprises, CancellationToken cancellationToken)
    {
        if (enterprises.Count > 0)
        {
            await WriteAsync(db, await TextsAsync(db, enterprises, cancellationToken), cancellationToken, areNew: true);
        }
    }

    protected override async Task<Batch?> ReadBatchAsync(InnoClusterDbContext db, long after, CancellationToken cancellationToken) =>
        await Loaded(db).Where(e => e.Id > after).OrderBy(e => e.Id).Take(2000).ToListAsync(cancellationToken) is { Count: > 0 } batch
            ? new Batch(await TextsAsync(db, batch, cancellationToken), batch[^1].Id)
            : null;

    private static IQueryable<Enterprise> Loaded(InnoClusterDbContext db) =>
        db.Set<Enterprise>().AsNoTracking().Include(e => e.Names).Include(e => e.ChainLinks).Include(e => e.Products).Include(e => e.Statements).AsSplitQuery();

    private static async Task<IReadOnlyList<Text>> TextsAsync(InnoClusterDbContext db, IReadOnlyCollection<Enterprise> enterprises, CancellationToken cancellationToken)
    {
        var (nodes, districts) = await LookupsAsync(db, cancellationToken);
        return [.. enterprises.Select(e => TextOf(e, nodes, districts))];
    }

    /// <summary>The chain nodes and districts whose names an enterprise's text carries (small tables, read once per call).</summary>
    private static async Task<(Dictionary<int, ChainNode> Nodes, Dictionary<int, District> Districts)> LookupsAsync(InnoClusterDbContext db, CancellationToken cancellationToken) =>
        (await db.Set<ChainNode>().AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken),
         await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken));

    private static Text TextOf(
        Enterprise enterprise, Dictionary<int, ChainNode> nodes, Dictionary<int, District> districts)
    {
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
        return new Text(enterprise.Id, title, bodyText);
    }
}
