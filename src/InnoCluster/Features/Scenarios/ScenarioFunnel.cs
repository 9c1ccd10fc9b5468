using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// The scenario dashboard's numbers: how many demands reached each stage (published, matched — a vendor named
/// for it — and docked, signed, landed, demonstration: a step recorded at that stage), the median days pairs spent in each stage,
/// the same per sector and per district; and the case collection (案例集) of landed scenarios.
/// </summary>
[FeatureContract]
public sealed class ScenarioFunnel(InnoClusterDbContext db, IRegistryDirectory registry, InnoCluster.Infrastructure.Seeding.SeedSources sources)
{
    /// <summary>The funnel's stages as pages and reports show them, with how each is counted.</summary>
    public static IReadOnlyList<(string Zh, string En, Func<Counts, int> Value)> Stages { get; } =
    [
        ("已发布", "Published", c => c.Published),
        ("已匹配", "Matched", c => c.Matched),
        ("已对接", "Docked", c => c.Docked),
        ("已签约", "Signed", c => c.Signed),
        ("已落地", "Landed", c => c.Landed),
        ("示范项目", "Demonstration", c => c.Demonstration),
    ];

#pragma warning disable CA1720 // "signed" is the pipeline's word (签约), not a type name.
    public sealed record Counts(int Published, int Matched, int Docked, int Signed, int Landed, int Demonstration);
#pragma warning restore CA1720

    public sealed record Slice(string Key, Counts Counts);

    public sealed record StageTime(DockingStage Stage, int Pairs, double MedianDays);

    /// <summary>A figure a source reports next to what the platform itself counts for it.</summary>
    public sealed record Figure(string Key, int? Reported, string? Unit, DateOnly? ReportedOn, int? DocumentId, string? Quote, int OnPlatform);

    public sealed record Dashboard(Counts Total, IReadOnlyList<StageTime> TimeInStage, IReadOnlyList<Slice> BySector, IReadOnlyList<Slice> ByDistrict, IReadOnlyList<Figure> Figures);

    public sealed record Case(int DockingId, int DemandId, string Scenario, string? Owner, string? Sector, string? District, string? Vendor, int? VendorId, string? Solution, DateTimeOffset LandedAt, bool Demonstration, string? Notes, string? Source, string? SourceLink = null);

    private sealed record DemandRow(int Id, DemandStatus Status, string? Sector, int? DistrictId);

    public async Task<Dashboard> DashboardAsync(CancellationToken cancellationToken)
    {
        var demands = await db.Set<Demand>().AsNoTracking().Where(d => d.Status != DemandStatus.Draft)
            .Select(d => new DemandRow(d.Id, d.Status, d.Sector, d.DistrictId)).ToListAsync(cancellationToken);
        var steps = await db.Set<DockingStep>().AsNoTracking()
            .Join(db.Set<Docking>(), s => s.DockingId, d => d.Id, (s, d) => new { d.DemandId, d.EnterpriseId, s.DockingId, s.Stage, s.At, s.Id, s.Recorded })
            .ToListAsync(cancellationToken);
        // A demand counts at a stage only when one of its pairs has a step there: a case a document records as
        // landed counts as landed, not as signed or docked, which no source says (a dropped pair keeps its steps).
        var stagesOf = steps.Where(s => s.Stage != DockingStage.Dropped).GroupBy(s => s.DemandId).ToDictionary(g => g.Key, g => g.Select(s => s.Stage).ToHashSet());
        // Matched: a vendor is named for it (every pair has at least its first step).
        var withVendor = steps.Where(s => s.EnterpriseId != null).Select(s => s.DemandId).ToHashSet();
        Counts Count(IEnumerable<DemandRow> rows)
        {
            var list = rows.ToList();
            int Reached(DockingStage stage) => list.Count(d => stagesOf.TryGetValue(d.Id, out var reached) && reached.Contains(stage));
            return new Counts(list.Count, list.Count(d => withVendor.Contains(d.Id)), Reached(DockingStage.Docking), Reached(DockingStage.Signed), Reached(DockingStage.Landed), Reached(DockingStage.Demonstration));
        }

        var districts = (await registry.DistrictsAsync(cancellationToken)).ToDictionary(d => d.Id, d => InnoCluster.Infrastructure.Web.Ui.L(d.Name, d.NameEn));
        // Steps recorded afterwards from a document carry its date, not when they happened: no durations from them.
        var times = steps.Where(s => !s.Recorded).GroupBy(s => s.DockingId)
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(s => s.At).ThenBy(s => s.Id).ToList();
                return ordered.Zip(ordered.Skip(1), (from, next) => (from.Stage, Days: (next.At - from.At).TotalDays));
            })
            .GroupBy(t => t.Stage)
            .Select(g => new StageTime(g.Key, g.Count(), Math.Round(Median(g.Select(t => t.Days).ToList()), 1)))
            .OrderBy(t => t.Stage).ToList();
        var total = Count(demands);
        var lists = await db.Set<Demand>().Where(d => d.Status != DemandStatus.Draft && d.ListId != null).Select(d => d.ListId).Distinct().CountAsync(cancellationToken);
        var events = await db.Set<DockingEvent>().CountAsync(cancellationToken);
        var reported = (await db.Set<ScenarioFigure>().AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.ObservedOn).ThenByDescending(f => f.Id).First());
        var figures = ScenarioFigures.All.Select(key =>
        {
            var r = reported.GetValueOrDefault(key);
            var platform = key switch { ScenarioFigures.Lists => lists, ScenarioFigures.Events => events, _ => total.Landed };
            return new Figure(key, r?.Value, r?.Unit, r?.ObservedOn, r?.DocumentId, r?.Quote, platform);
        }).ToList();
        return new Dashboard(
            total,
            times,
            demands.GroupBy(d => d.Sector ?? InnoCluster.Infrastructure.Web.Ui.L("未分类", "Unclassified")).Select(g => new Slice(g.Key, Count(g))).OrderByDescending(s => s.Counts.Published).ThenBy(s => s.Key, StringComparer.Ordinal).ToList(),
            demands.GroupBy(d => d.DistrictId is { } id && districts.TryGetValue(id, out var n) ? n : InnoCluster.Infrastructure.Web.Ui.L("未注明", "Not stated")).Select(g => new Slice(g.Key, Count(g))).OrderByDescending(s => s.Counts.Published).ThenBy(s => s.Key, StringComparer.Ordinal).ToList(),
            figures);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    /// <summary>
    /// Pairs with a step at <paramref name="stage"/> (a pair recorded as landed from a document has no signed
    /// step, so it is not counted as signed) — now, leaving out pairs dropped since; or as of the end of a date,
    /// counting a pair once it had the step by then (a later drop does not undo a landing).
    /// </summary>
    public async Task<int> PairsReachedAsync(DockingStage stage, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var steps = db.Set<DockingStep>().Where(s => s.Stage == stage);
        if (asOf is not { } date)
        {
            return await steps.Join(db.Set<Docking>().Where(d => d.Stage != DockingStage.Dropped), s => s.DockingId, d => d.Id, (s, d) => d.Id)
                .Distinct().CountAsync(cancellationToken);
        }

        var end = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return await steps.Where(s => s.At < end).Select(s => s.DockingId).Distinct().CountAsync(cancellationToken);
    }

    /// <summary>Every pair that landed, newest first, with what landed and who delivered it.</summary>
    public async Task<IReadOnlyList<Case>> CasesAsync(CancellationToken cancellationToken)
    {
        var rows = await (from d in db.Set<Docking>().AsNoTracking()
                          where d.Stage == DockingStage.Landed || d.Stage == DockingStage.Demonstration
                          join demand in db.Set<Demand>() on d.DemandId equals demand.Id
                          select new { d.Id, d.DemandId, demand.Title, demand.OwnerName, demand.Sector, demand.DistrictId, VendorId = d.EnterpriseId, d.SolutionId, d.Stage, demand.Source.Source, demand.Source.Quote, demand.Source.Locator })
            .ToListAsync(cancellationToken);
        var vendors = await registry.EnterpriseNamesAsync(rows.Select(r => r.VendorId).OfType<int>().Distinct().ToList(), cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var landedSteps = await db.Set<DockingStep>().AsNoTracking().Where(s => ids.Contains(s.DockingId) && s.Stage == DockingStage.Landed)
            .ToDictionaryAsync(s => s.DockingId, cancellationToken);
        var solutionIds = rows.Where(r => r.SolutionId != null).Select(r => r.SolutionId!.Value).ToList();
        var solutions = await db.Set<Solution>().AsNoTracking().Where(s => solutionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        var districts = (await registry.DistrictsAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        return rows.Select(r => new Case(r.Id, r.DemandId, r.Title, r.OwnerName, r.Sector, r.DistrictId is { } id ? districts.GetValueOrDefault(id) : null, r.VendorId is { } v ? vendors.GetValueOrDefault(v) : null, r.VendorId,
                r.SolutionId is { } s ? solutions.GetValueOrDefault(s) : null, landedSteps[r.Id].At, r.Stage == DockingStage.Demonstration, landedSteps[r.Id].Note,
                r.Quote is not null ? $"{InnoCluster.Infrastructure.Web.Ui.SourceTitle(r.Source, sources)}：{r.Quote}" : IsPageLink(r.Locator) ? r.Source : null,
                IsPageLink(r.Locator) ? r.Locator : null))
            .OrderByDescending(c => c.LandedAt).ThenBy(c => c.DockingId).ToList();
    }

    /// <summary>A source that is a page here (a call whose result made the case), not a document or a file.</summary>
    private static bool IsPageLink(string? locator) => locator is not null && locator.StartsWith('/') && !locator.StartsWith("//", StringComparison.Ordinal);

    public async Task<int> ExportCasesAsync(Stream output, CancellationToken cancellationToken)
    {
        var cases = await CasesAsync(cancellationToken);
        var rows = cases.Select(c => new Dictionary<string, object?>
        {
            ["场景 Scenario"] = c.Scenario,
            ["场景方 Owner"] = c.Owner,
            ["领域 Sector"] = c.Sector,
            ["板块 District"] = c.District,
            ["供给方 Vendor"] = c.Vendor,
            ["方案 Solution"] = c.Solution,
            ["落地日期 Landed on"] = c.LandedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["示范项目 Demonstration"] = c.Demonstration ? "是" : "否",
            ["说明 Notes"] = c.Notes,
            ["来源 Source"] = c.Source,
        }).ToList();
        await Spreadsheet.SaveAsync(output, rows, cancellationToken, "案例集");
        return cases.Count;
    }
}
