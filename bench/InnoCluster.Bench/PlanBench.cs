using System.Globalization;
using System.Text;
using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Bench;

/// <summary>
/// The action-plan dashboard with 200 targets over a registry of 100,000 enterprises: the seeded 004 plan
/// grown to 200 targets — a quarter computed live from the registry (12 distinct tier specs, as an office
/// would define them) or the scenario pipeline, the rest reported, each with eight quarterly values —
/// then the targets API and the dashboard page timed over HTTP.
/// </summary>
public static class PlanBench
{
    private static readonly string[] Specs =
    [
        "tiers:listed,unicorn", "tiers:lead-goose", "tiers:lead-goose,lead-goose-candidate", "tiers:unicorn", "tiers:listed",
        "tiers:little-giant", "tiers:high-tech", "tiers:gazelle", "tiers:specialised-sme", "tiers:gazelle-candidate",
        "tiers:unicorn-candidate", "tiers:little-giant,specialised-sme", "scenarios:landed", "scenarios:demonstration",
    ];

    public static async Task<IReadOnlyList<string>> RunAsync(string provider, int enterprises, int targetCount, int requests)
    {
        var lines = new List<string>();
        await using var host = new BenchHost(provider);
        var client = host.StartKestrel();
        int planId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<EnterpriseImport>()
                .RunAsync("bench.csv", new MemoryStream(Encoding.UTF8.GetBytes(SyntheticRegistry.Csv(enterprises))), null, dryRun: false, CancellationToken.None);
            if (!report.Applied)
            {
                throw new InvalidOperationException("bench import failed");
            }

            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
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
                plan.Targets.Add(new PlanTarget
                {
                    Order = order++,
                    Name = $"基准目标{i}",
                    TargetValue = computed ? random.Next(10, 500) : random.Next(1, 1000) * 100_000_000m,
                    Unit = computed ? "家" : "元",
                    Qualifier = Qualifier.MoreThan,
                    Deadline = 2025,
                    Period = TargetPeriod.ByDeadline,
                    Text = "基准",
                    Sentence = $"到2025年，基准目标{i}达到规定规模。",
                    ComputedIndicator = computed ? valid[random.Next(valid.Length)] : null,
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
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | plan with {plan.Targets.Count} targets ({plan.Targets.Count(t => t.ComputedIndicator is not null)} computed over {plan.Targets.Where(t => t.ComputedIndicator is not null).Select(t => t.ComputedIndicator).Distinct().Count()} distinct specs, {reported.Count * 8:N0} reported values) over {enterprises:N0} enterprises | | | |"));
        }

        foreach (var (url, what) in new[] { ($"/api/plans/{planId}/targets", "GET /api/plans/{id}/targets"), ($"/plans/{planId}", "dashboard page /plans/{id}") })
        {
            await BenchHost.TimeGetsAsync(client, url, 5);
            var (p50, p95, max) = BenchHost.Latencies(await BenchHost.TimeGetsAsync(client, url, requests));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {what} | p50 {p50:F1} ms | p95 {p95:F1} ms | max {max:F1} ms; target p95 < 200 ms: {(p95 < 200 ? "met" : "not met")} |"));
        }

        return lines;
    }
}
