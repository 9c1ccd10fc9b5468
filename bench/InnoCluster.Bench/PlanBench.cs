using System.Globalization;
using System.Text;
using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Bench;

/// <summary>
/// The action-plan dashboard with 200 targets over a registry of 100,000 enterprises and 500,000 designations
/// (renewals, expired, ended and proposed ones among them) with certifications, standards and filings: the
/// seeded 004 plan grown to 200 targets — a quarter computed live from the registry (tier, level and record
/// specs, as an office would define them) or the scenario pipeline, the rest reported, each with eight
/// quarterly values — then the targets API and the dashboard page timed over HTTP.
/// </summary>
public static class PlanBench
{
    private static readonly string[] Specs =
    [
        "tiers:listed,unicorn", "tiers:lead-goose", "tiers:lead-goose,lead-goose-candidate", "tiers:unicorn", "tiers:listed",
        "tiers:little-giant", "tiers:high-tech", "tiers:gazelle", "tiers:specialised-sme", "tiers:gazelle-candidate",
        "tiers:unicorn-candidate", "tiers:little-giant,specialised-sme", "scenarios:landed", "scenarios:demonstration",
        "tiers:high-tech/national", "tiers:gazelle/municipal@*", "certifications:first-edition-software/provincial", "certifications:fusion-innovation-product",
        "filings:algorithm,large-model", "standards:lead/national", "standards:any",
        "projects:contracted", "projects:contracted>=10", "projects:producing/investment", "financing:any", "financing:a,b", "financing:any/amount",
    ];

    /// <summary>Designations in the registry the bench builds, the import's included.</summary>
    private const int Designations = 500_000;

    public static async Task<IReadOnlyList<string>> RunAsync(string provider, int enterprises, int targetCount, int requests)
    {
        var lines = new List<string>();
        await using var host = new BenchHost(provider);
        var client = host.StartKestrel();
        int planId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await SyntheticRegistry.ImportAsync(scope.ServiceProvider, enterprises);

            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var records = await AddRecordsAsync(db, Designations);
            var plan = await db.Set<ActionPlan>().Include(p => p.Targets).FirstAsync();
            planId = plan.Id;
            var random = new Random(11);
            var order = plan.Targets.Max(t => t.Order) + 1;
            var valid = Specs.Where(s => ComputedIndicator.TryParse(s, out _)).ToArray();
            if (valid.Length != Specs.Length)
            {
                throw new InvalidOperationException("a bench indicator spec does not parse: " + string.Join(", ", Specs.Except(valid)));
            }

            for (var i = plan.Targets.Count; i < targetCount; i++)
            {
                var computed = i % 4 == 0;
                var spec = computed ? valid[random.Next(valid.Length)] : null;
                plan.Targets.Add(new PlanTarget
                {
                    Order = order++,
                    Name = $"基准目标{i}",
                    TargetValue = computed ? random.Next(10, 500) : random.Next(1, 1000) * 100_000_000m,
                    Unit = !computed ? "元" : ComputedIndicator.TryParse(spec, out var indicator) && indicator.Units is ["元"] ? "元" : "家",
                    Qualifier = Qualifier.MoreThan,
                    Deadline = 2025,
                    Period = TargetPeriod.ByDeadline,
                    Text = "基准",
                    Sentence = $"到2025年，基准目标{i}达到规定规模。",
                    ComputedIndicator = spec,
                });
            }

            await db.SaveChangesAsync();
            var reported = plan.Targets.Where(t => t.ComputedIndicator is null).ToList();
            foreach (var target in reported)
            {
                for (var q = 0; q < 8; q++)
                {
                    db.Add(new IndicatorObservation
                    {
                        TargetId = target.Id,
                        ObservedOn = new DateOnly(2024, 1, 1).AddMonths(3 * q).AddDays(-1),
                        Value = target.TargetValue * (0.4m + (0.08m * q)),
                        Qualifier = Qualifier.Exact,
                        Note = "基准报告值",
                        RecordedBy = "bench",
                        RecordedAt = TimeProvider.System.GetUtcNow(),
                    });
                }
            }

            await db.SaveChangesAsync();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | plan with {plan.Targets.Count} targets ({plan.Targets.Count(t => t.ComputedIndicator is not null)} computed over {plan.Targets.Where(t => t.ComputedIndicator is not null).Select(t => t.ComputedIndicator).Distinct().Count()} distinct specs, {reported.Count * 8:N0} reported values) over {enterprises:N0} enterprises, {records} | | | |"));
        }

        foreach (var (url, what) in new[] { ($"/api/plans/{planId}/targets", "GET /api/plans/{id}/targets"), ($"/plans/{planId}", "dashboard page /plans/{id}") })
        {
            await BenchHost.TimeGetsAsync(client, url, 5);
            var (p50, p95, max) = BenchHost.Latencies(await BenchHost.TimeGetsAsync(client, url, requests));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {what} | p50 {p50:F1} ms | p95 {p95:F1} ms | max {max:F1} ms; target p95 < 200 ms: {(p95 < 200 ? "met" : "not met")} |"));
        }

        // The first view after a designation is written counts every spec again (the counts' cache is dropped).
        var afterWrite = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            DataChanges.Changed(typeof(EnterpriseTier));
            afterWrite.AddRange(await BenchHost.TimeGetsAsync(client, $"/api/plans/{planId}/targets", 1));
        }

        var (w50, _, wMax) = BenchHost.Latencies(afterWrite);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | GET /api/plans/{{id}}/targets, first view after a registry write (5 writes) | p50 {w50:F1} ms | | max {wMax:F1} ms |"));

        return lines;
    }

    /// <summary>
    /// Designations up to <paramref name="designations"/> over the imported firms — every tier and level, most with
    /// a grant date and an expiry, a tenth expired, some ended, some proposed — and 20,000 certifications,
    /// 10,000 standards and 5,000 filings, written in bulk as an import writes them.
    /// </summary>
    private static async Task<string> AddRecordsAsync(InnoClusterDbContext db, int designations)
    {
        var firms = await db.Set<Enterprise>().Select(e => e.Id).ToListAsync();
        var have = await db.Set<EnterpriseTier>().CountAsync();
        var random = new Random(23);
        var tiers = Enum.GetValues<Tier>();
        var levels = Enum.GetValues<TierLevel>();
        DateOnly Granted() => new DateOnly(2015, 1, 1).AddDays(random.Next(0, 365 * 11));
        T Dated<T>(T record)
            where T : EnterpriseRecord
        {
            record.EnterpriseId = firms[random.Next(firms.Count)];
            record.GrantedOn = Granted();
            record.Year = record.GrantedOn.Value.Year;
            record.ExpiresOn = random.Next(3) == 0 ? null : record.GrantedOn.Value.AddYears(3);
            record.EndedOn = random.Next(40) == 0 ? record.GrantedOn.Value.AddDays(200) : null;
            record.Status = random.Next(25) == 0 ? RecordStatus.Proposed : RecordStatus.Confirmed;
            record.Source = new Provenance { Kind = ProvenanceKind.Import, Source = "bench.xlsx", Locator = "row 1" };
            return record;
        }

        var tierRows = Enumerable.Range(0, Math.Max(0, designations - have))
            .Select(_ => Dated(new EnterpriseTier { Tier = tiers[random.Next(tiers.Length)], Level = levels[random.Next(levels.Length)] })).ToList();
        await BulkInsert.InsertAsync(db, tierRows, withKeys: false, CancellationToken.None);
        var certifications = Enumerable.Range(0, 20_000).Select(i => Dated(new ProductCertification
        {
            Kind = i % 3 == 0 ? CertificationKind.FusionInnovationProduct : CertificationKind.FirstEditionSoftware, ProductName = $"基准产品{i % 15_000}", Level = levels[1 + random.Next(levels.Length - 1)],
        })).ToList();
        await BulkInsert.InsertAsync(db, certifications, withKeys: false, CancellationToken.None);
        var standards = Enumerable.Range(0, 10_000).Select(i => Dated(new StandardRecord
        {
            Number = $"T/BENCH {i % 6_000}-2024", Title = "基准标准", Level = (StandardLevel)(1 + random.Next(6)), Role = random.Next(3) == 0 ? StandardRole.Lead : StandardRole.Participant,
        })).ToList();
        await BulkInsert.InsertAsync(db, standards, withKeys: false, CancellationToken.None);
        var filings = Enumerable.Range(0, 5_000).Select(i => Dated(new Filing { Kind = i % 7 == 0 ? FilingKind.LargeModel : FilingKind.Algorithm, Name = $"基准算法{i}", Number = $"网信算备{i}" })).ToList();
        await BulkInsert.InsertAsync(db, filings, withKeys: false, CancellationToken.None);
        var rounds = Enum.GetValues<FinancingRound>();
        var financing = Enumerable.Range(0, 20_000).Select(i => Dated(new FinancingRecord { Round = rounds[random.Next(rounds.Length)], Amount = random.Next(5) == 0 ? null : random.Next(100, 200_000), Investors = "基准资本" })).ToList();
        financing.ForEach(f => f.ExpiresOn = null);
        await BulkInsert.InsertAsync(db, financing, withKeys: false, CancellationToken.None);
        var projects = await AddProjectsAsync(db, random);
        return string.Create(CultureInfo.InvariantCulture, $"{have + tierRows.Count:N0} designations, {certifications.Count:N0} certifications, {standards.Count:N0} standards, {filings.Count:N0} filings, {financing.Count:N0} financing events, {projects:N0} investment projects");
    }

    /// <summary>50,000 investment projects, a fifth still targets, the rest through 接洽 → 签约 → 开工 → 投产 (a tenth dropped), with their stages.</summary>
    private static async Task<int> AddProjectsAsync(InnoClusterDbContext db, Random random)
    {
        const int Count = 50_000;
        var keys = await BulkInsert.ReserveKeysAsync<InvestmentProject>(db, Count, CancellationToken.None);
        var projects = keys.Select(id => new InvestmentProject { Id = id, Name = $"基准项目{id}", Investor = "基准投资方", Investment = random.Next(4) == 0 ? null : random.Next(1, 500) / 10m }).ToList();
        await BulkInsert.InsertAsync(db, projects, withKeys: true, CancellationToken.None);
        var stages = new List<ProjectStageRecord>();
        var source = new Provenance { Kind = ProvenanceKind.Manual, Source = "bench" };
        foreach (var project in projects.Where(_ => random.Next(5) != 0))
        {
            var day = new DateOnly(2019, 1, 1).AddDays(random.Next(0, 365 * 6));
            var reached = (ProjectStage)(1 + random.Next(4));
            for (var stage = ProjectStage.Contact; stage <= reached && day < new DateOnly(2026, 6, 30); stage++, day = day.AddDays(random.Next(30, 300)))
            {
                stages.Add(new ProjectStageRecord { ProjectId = project.Id, Stage = stage, Day = day, Year = day.Year, Source = source, EnteredBy = "bench" });
            }

            if (random.Next(10) == 0)
            {
                stages.Add(new ProjectStageRecord { ProjectId = project.Id, Stage = ProjectStage.Dropped, Day = day, Year = day.Year, Source = source, EnteredBy = "bench" });
            }
        }

        await BulkInsert.InsertAsync(db, stages, withKeys: false, CancellationToken.None);
        return Count;
    }
}
