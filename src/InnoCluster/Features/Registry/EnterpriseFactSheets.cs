using System.Linq.Expressions;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>A confirmed tier (梯队) an enterprise holds: from which year, and the first day it no longer holds (expired or ended), if any.</summary>
[FeatureContract]
public sealed record TierHeld(Tier Tier, int? Year, DateOnly? LapsesOn = null)
{
    /// <summary>Held on <paramref name="day"/>: granted by that year (or no year given) and not yet lapsed.</summary>
    public bool HeldOn(DateOnly day) => (Year is null || Year <= day.Year) && (LapsesOn is null || day < LapsesOn);
}

/// <summary>A confirmed filing (备案) an enterprise made: in which year, and the first day it no longer holds (withdrawn), if any.</summary>
[FeatureContract]
public sealed record FilingHeld(FilingKind Kind, int? Year, DateOnly? LapsesOn = null)
{
    public bool HeldOn(DateOnly day) => (Year is null || Year <= day.Year) && (LapsesOn is null || day < LapsesOn);
}

/// <summary>One year's figures, in 元 and persons; null where the registry has none.</summary>
[FeatureContract]
public sealed record YearFigures(int Year, decimal? Revenue, decimal? RdSpend, int? Employees);

/// <summary>
/// The registry's facts about one enterprise, for rules that judge it (the policy calculator): founding,
/// district, tiers, filings, yearly figures, and the chain codes it stands on with every node above them.
/// </summary>
[FeatureContract]
public sealed record EnterpriseFactSheet(
    int Id,
    string Name,
    bool HasCreditCode,
    string? DistrictCode,
    DateOnly? EstablishedOn,
    int? EstablishedYear,
    IReadOnlyList<TierHeld> Tiers,
    IReadOnlyList<FilingHeld> Filings,
    IReadOnlyList<YearFigures> Figures,
    IReadOnlySet<string> ChainCodes);

/// <summary>Reads fact sheets: one enterprise, or all of them in five flat queries (no per-firm round trips).</summary>
[FeatureContract]
public sealed class EnterpriseFactSheets(InnoClusterDbContext db)
{
    private static readonly Type[] ReadFrom = [typeof(Enterprise), typeof(District), typeof(EnterpriseTier), typeof(EnterpriseChainLink), typeof(YearlyFigure), typeof(Filing), typeof(ChainNode)];

    /// <summary>Changes whenever, in this process, a row that a fact sheet is read from changes (for a cache of sheets to know it is stale).</summary>
    public static long Version => DataChanges.Version(ReadFrom);

    /// <summary>Where a cache of sheets stands in the changes, taken before it reads them.</summary>
    public static ChangeCursor Cursor => DataChanges.Cursor(ReadFrom);

    /// <summary>The firms whose sheets changed since <paramref name="cursor"/>, or null when every sheet must be read again (a district or chain node changed, or a bulk write).</summary>
    public static IReadOnlySet<int>? ChangedSince(ChangeCursor cursor) => DataChanges.RootsChangedSince(cursor, typeof(Enterprise), ReadFrom);

    public async Task<EnterpriseFactSheet?> OneAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        var enterprise = await db.Set<Enterprise>().AsNoTracking()
            .Include(e => e.District).Include(e => e.Tiers.Where(t => t.Status == RecordStatus.Confirmed)).Include(e => e.ChainLinks).Include(e => e.Figures).Include(e => e.Filings.Where(f => f.Status == RecordStatus.Confirmed))
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken);
        return enterprise is null ? null : Sheet(enterprise, await AncestryAsync(cancellationToken));
    }

    /// <summary>Every enterprise, with figures up to <paramref name="lastYear"/> only.</summary>
    public Task<IReadOnlyList<EnterpriseFactSheet>> AllAsync(int lastYear, CancellationToken cancellationToken) => ReadAsync(null, lastYear, cancellationToken);

    /// <summary>These enterprises (those that still exist), with figures up to <paramref name="lastYear"/> only.</summary>
    public Task<IReadOnlyList<EnterpriseFactSheet>> ManyAsync(IReadOnlyCollection<int> ids, int lastYear, CancellationToken cancellationToken) => ReadAsync(ids, lastYear, cancellationToken);

    private async Task<IReadOnlyList<EnterpriseFactSheet>> ReadAsync(IReadOnlyCollection<int>? only, int lastYear, CancellationToken cancellationToken)
    {
        var ancestry = await AncestryAsync(cancellationToken);
        var districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var enterprises = await Only(db.Set<Enterprise>().AsNoTracking(), only, e => e.Id)
            .Select(e => new Enterprise { Id = e.Id, Name = e.Name, DistrictId = e.DistrictId, EstablishedOn = e.EstablishedOn, EstablishedYear = e.EstablishedYear, CreditCode = e.CreditCode })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        await foreach (var tier in Only(db.Set<EnterpriseTier>().AsNoTracking(), only, t => t.EnterpriseId).Where(t => t.Status == RecordStatus.Confirmed).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            enterprises.GetValueOrDefault(tier.EnterpriseId)?.Tiers.Add(tier);
        }

        await foreach (var link in Only(db.Set<EnterpriseChainLink>().AsNoTracking(), only, l => l.EnterpriseId).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            enterprises.GetValueOrDefault(link.EnterpriseId)?.ChainLinks.Add(link);
        }

        await foreach (var figure in Only(db.Set<YearlyFigure>().AsNoTracking(), only, f => f.EnterpriseId).Where(f => f.Year <= lastYear).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            enterprises.GetValueOrDefault(figure.EnterpriseId)?.Figures.Add(figure);
        }

        await foreach (var filing in Only(db.Set<Filing>().AsNoTracking(), only, f => f.EnterpriseId).Where(f => f.Status == RecordStatus.Confirmed).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            enterprises.GetValueOrDefault(filing.EnterpriseId)?.Filings.Add(filing);
        }

        foreach (var enterprise in enterprises.Values)
        {
            enterprise.District = enterprise.DistrictId is { } id ? districts.GetValueOrDefault(id) : null;
        }

        return [.. enterprises.Values.OrderBy(e => e.Id).Select(e => Sheet(e, ancestry))];
    }

    /// <summary>The rows of these enterprises only (all when <paramref name="ids"/> is null).</summary>
    private static IQueryable<T> Only<T>(IQueryable<T> rows, IReadOnlyCollection<int>? ids, Expression<Func<T, int>> enterpriseId) =>
        ids is null ? rows : rows.Where(Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], Expression.Constant(ids.ToArray()), enterpriseId.Body), enterpriseId.Parameters));

    /// <summary>For each node, its code and the codes of every node above it.</summary>
    private async Task<IReadOnlyDictionary<int, string[]>> AncestryAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.Set<ChainNode>().AsNoTracking().Select(n => new { n.Id, n.Code, n.ParentId }).ToDictionaryAsync(n => n.Id, cancellationToken);
        return nodes.Values.ToDictionary(n => n.Id, n =>
        {
            var codes = new List<string>();
            for (var node = n; node is not null && codes.Count <= nodes.Count; node = node.ParentId is { } parent ? nodes.GetValueOrDefault(parent) : null)
            {
                codes.Add(node.Code);
            }

            return codes.ToArray();
        });
    }

    private static EnterpriseFactSheet Sheet(Enterprise e, IReadOnlyDictionary<int, string[]> ancestry) => new(
        e.Id,
        e.Name,
        e.CreditCode is not null,
        e.District?.Code,
        e.EstablishedOn,
        e.EstablishedYear,
        [.. e.Tiers.Select(t => new TierHeld(t.Tier, t.Year, LapsesOn(t)))],
        [.. e.Filings.Select(f => new FilingHeld(f.Kind, f.Year, LapsesOn(f)))],
        [.. e.Figures.Select(f => new YearFigures(f.Year, f.Revenue, f.RdSpend, f.Employees))],
        e.ChainLinks.SelectMany(l => ancestry.GetValueOrDefault(l.ChainNodeId) ?? []).ToHashSet(StringComparer.Ordinal));

    /// <summary>The first day a record no longer holds: the day after its expiry, or the day it ended.</summary>
    private static DateOnly? LapsesOn(EnterpriseRecord record) =>
        new[] { record.ExpiresOn?.AddDays(1), record.EndedOn }.Where(d => d is not null).Min();
}
