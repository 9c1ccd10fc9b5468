using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>How many enterprises of a district stand on a chain node.</summary>
[FeatureContract]
public sealed record DistrictNodeCount(int DistrictId, int ChainNodeId, int Enterprises);

/// <summary>Counts the registry answers for indicators and the plan's district view; <see cref="ForDistrict"/> the same counts within one 板块.</summary>
[FeatureContract]
public sealed class RegistryCounts(InnoClusterDbContext db, RegistryCountCache cache)
{
    /// <summary>The 板块 the counts are limited to: firms registered there, carriers and projects located there.</summary>
    private int? _district;

    /// <summary>The same counts within one 板块 (a firm's district; a carrier's or a project's own).</summary>
    public RegistryCounts ForDistrict(int districtId) => new(db, cache) { _district = districtId };

    private string Scope => _district is { } district ? $"|district:{district}" : "";

    /// <summary>The firms of the 板块 counted in, or null when the counts are not limited.</summary>
    private IQueryable<int>? FirmsHere => _district is { } district ? db.Set<Enterprise>().Where(e => e.DistrictId == district).Select(e => e.Id) : null;

    private IQueryable<T> Here<T>(IQueryable<T> records)
        where T : EnterpriseRecord => FirmsHere is { } firms ? records.Where(r => firms.Contains(r.EnterpriseId)) : records;

    /// <summary>
    /// Enterprises holding any of <paramref name="tiers"/> on <paramref name="day"/> (see <see cref="EnterpriseRecord.HeldOn{T}"/>),
    /// at <paramref name="minLevel"/> or higher when given, on one of <paramref name="chainNodeIds"/> when given.
    /// </summary>
    public Task<int> TierHoldersAsync(IReadOnlyCollection<Tier> tiers, IReadOnlyCollection<int>? chainNodeIds, TierLevel? minLevel, DateOnly day, bool undatedCounts, CancellationToken cancellationToken) =>
        cache.CountAsync(
            $"tiers|{string.Join(',', tiers.Order())}|{(chainNodeIds is null ? "-" : string.Join(',', chainNodeIds.Order()))}|{minLevel}|{day:yyyy-MM-dd}|{undatedCounts}{Scope}",
            () => CountTierHoldersAsync(tiers, chainNodeIds, minLevel, day, undatedCounts, cancellationToken));

    private async Task<int> CountTierHoldersAsync(IReadOnlyCollection<Tier> tiers, IReadOnlyCollection<int>? chainNodeIds, TierLevel? minLevel, DateOnly day, bool undatedCounts, CancellationToken cancellationToken)
    {
        var held = db.Set<EnterpriseTier>().Where(EnterpriseRecord.HeldOn<EnterpriseTier>(day, undatedCounts)).Where(t => tiers.Contains(t.Tier));
        if (minLevel is { } min)
        {
            var levels = RecordFilters.LevelsFrom(min);
            held = held.Where(t => levels.Contains(t.Level));
        }

        var holders = Here(held).Select(t => t.EnterpriseId);
        if (chainNodeIds is not null)
        {
            var onNodes = db.Set<EnterpriseChainLink>().Where(l => chainNodeIds.Contains(l.ChainNodeId)).Select(l => l.EnterpriseId);
            holders = holders.Where(id => onNodes.Contains(id));
        }

        return await holders.Distinct().CountAsync(cancellationToken);
    }

    /// <summary>
    /// Records held on <paramref name="day"/> that the count names: certified products (a product once, however
    /// often renewed), filings (an algorithm or model once), standards (a number once, however many firms joined).
    /// </summary>
    public Task<decimal> RecordsAsync(RecordCount count, DateOnly day, bool undatedCounts, CancellationToken cancellationToken) =>
        cache.SumAsync($"{count.Spec}|{day:yyyy-MM-dd}|{undatedCounts}{Scope}", () => CountRecordsAsync(count, day, undatedCounts, cancellationToken));

    private async Task<decimal> CountRecordsAsync(RecordCount count, DateOnly day, bool undatedCounts, CancellationToken cancellationToken) => count.Kind switch
    {
        RecordKind.Certifications => await Here(RecordFilters.Certifications(db, count, day, undatedCounts)).Select(c => new { c.EnterpriseId, c.Kind, c.ProductName }).Distinct().CountAsync(cancellationToken),
        RecordKind.Filings => await Here(RecordFilters.Filings(db, count, day, undatedCounts)).Select(f => new { f.EnterpriseId, f.Kind, f.Name }).Distinct().CountAsync(cancellationToken),
        RecordKind.Standards => await Here(RecordFilters.Standards(db, count, day, undatedCounts)).Select(s => s.Number).Distinct().CountAsync(cancellationToken),
        RecordKind.Financing when count.SumsAmount => RecordCount.Yuan(await Here(RecordFilters.Financing(db, count, day, undatedCounts)).SumAsync(f => f.Amount ?? 0, cancellationToken)),
        RecordKind.Financing => await Here(RecordFilters.Financing(db, count, day, undatedCounts)).CountAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(count), count.Kind, "designations are counted by TierHoldersAsync"),
    };

    /// <summary>Carriers of the count's kinds, at its level or higher, standing on <paramref name="day"/> (built or recognised, not closed).</summary>
    public Task<int> CarriersAsync(CarrierCount count, DateOnly day, CancellationToken cancellationToken) =>
        cache.CountAsync($"{count.Spec}|{day:yyyy-MM-dd}{Scope}", () => CountCarriersAsync(count, day, cancellationToken));

    private async Task<int> CountCarriersAsync(CarrierCount count, DateOnly day, CancellationToken cancellationToken)
    {
        var carriers = db.Set<Carrier>().Where(Carrier.StandingOn(day)).Where(c => count.Kinds.Contains(c.Kind));
        if (_district is { } district)
        {
            carriers = carriers.Where(c => c.DistrictId == district);
        }

        if (count.NewSince is { } since)
        {
            carriers = carriers.Where(Carrier.NewSince(since));
        }

        if (count.MinLevel is { } min)
        {
            var levels = RecordFilters.LevelsFrom(min);
            carriers = carriers.Where(c => levels.Contains(c.Level));
        }

        return await carriers.CountAsync(cancellationToken);
    }

    /// <summary>
    /// The capacity of the compute centres standing on <paramref name="day"/>, each by its latest reading by then, in P: the
    /// latest year; within a year a reading with only the year (a year-end figure) after the dated ones.
    /// </summary>
    public Task<decimal> CapacityAsync(CapacityCount count, DateOnly day, CancellationToken cancellationToken) =>
        cache.SumAsync($"{count.Spec}|{day:yyyy-MM-dd}{Scope}", async () =>
        {
            var centres = db.Set<Carrier>().Where(Carrier.StandingOn(day)).Where(c => c.Kind == CarrierKind.ComputeCentre);
            if (_district is { } district)
            {
                centres = centres.Where(c => c.DistrictId == district);
            }

            var known = CarrierCapacity.KnownOn(day);
            var latest = centres.Select(c => c.Capacities.AsQueryable().Where(known)
                .Where(r => count.Intelligent ? r.IntelligentPeta != null : r.TotalPeta != null)
                .OrderByDescending(r => r.Year).ThenByDescending(r => r.AsOf == null).ThenByDescending(r => r.AsOf).ThenByDescending(r => r.Id)
                .Select(r => count.Intelligent ? r.IntelligentPeta : r.TotalPeta).FirstOrDefault());
            return await latest.SumAsync(v => v ?? 0, cancellationToken);
        });

    /// <summary>Projects that reached the count's stage by <paramref name="day"/> and had not fallen through by then, or their planned investment in 元.</summary>
    public Task<decimal> ProjectsAsync(ProjectCount count, DateOnly day, CancellationToken cancellationToken) =>
        cache.SumAsync($"{count.Spec}|{day:yyyy-MM-dd}{Scope}", () => CountProjectsAsync(count, day, cancellationToken));

    private async Task<decimal> CountProjectsAsync(ProjectCount count, DateOnly day, CancellationToken cancellationToken)
    {
        var projects = db.Set<InvestmentProject>().Where(InvestmentProject.ReachedOn(count.Stage, day));
        if (_district is { } district)
        {
            projects = projects.Where(p => p.DistrictId == district);
        }

        if (count.MinInvestment is { } min)
        {
            projects = projects.Where(p => p.Investment >= min);
        }

        return count.SumsInvestment ? await projects.SumAsync(p => p.Investment ?? 0, cancellationToken) * ProjectCount.YuanPerYi : await projects.CountAsync(cancellationToken);
    }

    /// <summary>The firms' figures for the last full year before <paramref name="day"/>: the measure summed, or the firms at or above the threshold.</summary>
    public Task<decimal> FiguresAsync(FigureCount count, DateOnly day, CancellationToken cancellationToken) =>
        cache.SumAsync($"{count.Spec}|{day:yyyy-MM-dd}{Scope}", () => CountFiguresAsync(count, day, cancellationToken));

    private async Task<decimal> CountFiguresAsync(FigureCount count, DateOnly day, CancellationToken cancellationToken)
    {
        var year = FigureCount.YearCounted(day);
        var figures = db.Set<YearlyFigure>().Where(f => f.Year == year);
        if (FirmsHere is { } firms)
        {
            figures = figures.Where(f => firms.Contains(f.EnterpriseId));
        }

        if (count.Threshold is { } min)
        {
            // A count of people or patents compares with a whole number; a money threshold (in 元) is compared as it is.
            var whole = count.IsMoney ? 0 : (int)Math.Ceiling(min);
            figures = count.Measure switch
            {
                FigureMeasure.Revenue => figures.Where(f => f.Revenue >= min),
                FigureMeasure.RdSpend => figures.Where(f => f.RdSpend >= min),
                FigureMeasure.PatentsGranted => figures.Where(f => f.PatentsGranted >= whole),
                FigureMeasure.PatentsValid => figures.Where(f => f.PatentsValid >= whole),
                _ => figures.Where(f => f.Employees >= whole),
            };
            return await figures.CountAsync(cancellationToken);
        }

        return count.Measure switch
        {
            FigureMeasure.Revenue => await figures.SumAsync(f => f.Revenue ?? 0, cancellationToken),
            FigureMeasure.RdSpend => await figures.SumAsync(f => f.RdSpend ?? 0, cancellationToken),
            FigureMeasure.PatentsGranted => await figures.SumAsync(f => f.PatentsGranted ?? 0, cancellationToken),
            FigureMeasure.PatentsValid => await figures.SumAsync(f => f.PatentsValid ?? 0, cancellationToken),
            _ => await figures.SumAsync(f => f.Employees ?? 0, cancellationToken),
        };
    }

    /// <summary>Enterprises per district.</summary>
    public async Task<IReadOnlyDictionary<int, int>> PerDistrictAsync(CancellationToken cancellationToken) =>
        await db.Set<Enterprise>().AsNoTracking().Where(e => e.DistrictId != null).GroupBy(e => e.DistrictId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    /// <summary>Distinct enterprises per district and chain node.</summary>
    public async Task<IReadOnlyList<DistrictNodeCount>> PerDistrictAndNodeAsync(CancellationToken cancellationToken) =>
        await (from l in db.Set<EnterpriseChainLink>().AsNoTracking()
               join e in db.Set<Enterprise>().AsNoTracking() on l.EnterpriseId equals e.Id
               where e.DistrictId != null
               group l by new { District = e.DistrictId!.Value, l.ChainNodeId } into g
               select new DistrictNodeCount(g.Key.District, g.Key.ChainNodeId, g.Select(x => x.EnterpriseId).Distinct().Count()))
            .ToListAsync(cancellationToken);
}
