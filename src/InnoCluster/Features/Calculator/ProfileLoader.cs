using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// Reads enterprise profiles from the registry: one enterprise with its includes, or every enterprise in
/// five flat queries (no per-firm round trips), for the "who qualifies" lists and the all-pairs run.
/// </summary>
public sealed class ProfileLoader(InnoClusterDbContext db)
{
    public async Task<(IReadOnlyDictionary<int, ChainNode> Nodes, IReadOnlyDictionary<int, string> Districts)> ReferenceAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.Set<ChainNode>().AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken);
        var districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, cancellationToken);
        return (nodes, districts);
    }

    public async Task<(Enterprise Enterprise, EnterpriseProfile Profile)?> OneAsync(int enterpriseId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<Enterprise>().AsNoTracking()
            .Include(e => e.District).Include(e => e.Tiers).Include(e => e.ChainLinks).Include(e => e.Figures).Include(e => e.Filings)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken);
        if (enterprise is null)
        {
            return null;
        }

        var (nodes, districts) = await ReferenceAsync(cancellationToken);
        return (enterprise, EnterpriseProfile.From(enterprise, asOf, nodes, districts));
    }

    public async Task<IReadOnlyList<EnterpriseProfile>> AllAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var (nodes, districts) = await ReferenceAsync(cancellationToken);
        var enterprises = await db.Set<Enterprise>().AsNoTracking()
            .Select(e => new Enterprise { Id = e.Id, Name = e.Name, DistrictId = e.DistrictId, EstablishedOn = e.EstablishedOn, EstablishedYear = e.EstablishedYear, CreditCode = e.CreditCode })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        await foreach (var tier in db.Set<EnterpriseTier>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            enterprises.GetValueOrDefault(tier.EnterpriseId)?.Tiers.Add(tier);
        }

        await foreach (var link in db.Set<EnterpriseChainLink>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            enterprises.GetValueOrDefault(link.EnterpriseId)?.ChainLinks.Add(link);
        }

        await foreach (var figure in db.Set<YearlyFigure>().AsNoTracking().Where(f => f.Year <= asOf.Year).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            enterprises.GetValueOrDefault(figure.EnterpriseId)?.Figures.Add(figure);
        }

        await foreach (var filing in db.Set<Filing>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            enterprises.GetValueOrDefault(filing.EnterpriseId)?.Filings.Add(filing);
        }

        return [.. enterprises.Values.OrderBy(e => e.Id).Select(e => EnterpriseProfile.From(e, asOf, nodes, districts))];
    }
}
