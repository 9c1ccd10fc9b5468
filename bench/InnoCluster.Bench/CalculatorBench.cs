using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InnoCluster.Features.Calculator;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Bench;

/// <summary>
/// Policy calculator: every clause against every enterprise (1,000 × 100,000 by default), the profile load
/// that feeds it, and the single-enterprise calculator over HTTP.
/// </summary>
public static class CalculatorBench
{
    public static async Task<IReadOnlyList<string>> RunAsync(string provider, int enterprises, int clauses, int requests)
    {
        var lines = new List<string>();
        await using var host = new BenchHost(provider);
        var client = host.StartKestrel();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await SyntheticRegistry.ImportAsync(scope.ServiceProvider, enterprises);

            await AddClausesAsync(scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>(), clauses);
        }

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        IReadOnlyList<EnterpriseProfile> profiles;
        IReadOnlyList<(CompiledClause Clause, PolicyCalculator.ClauseMeta Meta)> compiled;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var load = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            profiles = await scope.ServiceProvider.GetRequiredService<ProfileLoader>().AllAsync(today, CancellationToken.None);
            compiled = await scope.ServiceProvider.GetRequiredService<PolicyCalculator>().ClausesOnAsync(today, CancellationToken.None);
        }

        load.Stop();
        var loadAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | load {profiles.Count:N0} enterprise profiles + {compiled.Count:N0} clauses from the database | {load.Elapsed.TotalSeconds:F2} s | {loadAllocated / 1048576.0:N0} MB allocated | |"));

        // Warm once (JIT), then time the all-pairs evaluation on every core.
        _ = Evaluate(profiles, [.. compiled.Take(5).Select(c => c.Clause)]);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var pairs = Stopwatch.StartNew();
        var (eligible, possible, notEligible) = Evaluate(profiles, [.. compiled.Select(c => c.Clause)]);
        pairs.Stop();
        var pairAllocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var total = (long)profiles.Count * compiled.Count;
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | evaluate all pairs: {compiled.Count:N0} clauses × {profiles.Count:N0} enterprises = {total:N0} | {pairs.Elapsed.TotalSeconds:F2} s | {total / pairs.Elapsed.TotalSeconds / 1e6:F1} M pairs/s, {pairAllocated / 1048576.0:N1} MB allocated | target < 5 s: {(pairs.Elapsed.TotalSeconds < 5 ? "met" : "not met")} ({pairs.Elapsed.TotalSeconds / 5:P0} of it); {eligible:N0} eligible, {possible:N0} possibly, {notEligible:N0} not |"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | load + all pairs | {(load.Elapsed + pairs.Elapsed).TotalSeconds:F2} s | peak working set {BenchHost.PeakWorkingSetMb()} MB | |"));

        // The calculator page's API for single enterprises, as an official.
        string token;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Accounts>();
            var made = await accounts.CreateAsync(new Accounts.NewAccount($"bench-{Guid.NewGuid():N}@example.test", "bench", [Roles.Official]), CancellationToken.None);
            var created = made.Value ?? throw new InvalidOperationException(made.Problem!.Message);

            token = (await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(created.User.Id, "bench", 1, CancellationToken.None)).Token;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var random = new Random(7);
        var ids = profiles.Select(p => p.EnterpriseId).ToArray();
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync($"/api/calculator/{ids[random.Next(ids.Length)]}")).EnsureSuccessStatusCode();
        }

        var samples = new List<double>();
        var bytes = 0L;
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/api/calculator/{ids[random.Next(ids.Length)]}");
            response.EnsureSuccessStatusCode();
            bytes += (await response.Content.ReadAsByteArrayAsync()).Length;
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var (p50, p95, max) = BenchHost.Latencies(samples);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | GET /api/calculator/{{id}} ({compiled.Count:N0} clauses, random firm of {profiles.Count:N0}) | p50 {p50:F1} ms | p95 {p95:F1} ms | max {max:F1} ms; {bytes / requests / 1024.0:N0} KB per answer; target p95 < 50 ms: {(p95 < 50 ? "met" : "not met")} |"));
        return lines;
    }

    private static (long Eligible, long Possible, long NotEligible) Evaluate(IReadOnlyList<EnterpriseProfile> profiles, CompiledClause[] clauses)
    {
        long eligible = 0, possible = 0, notEligible = 0;
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, profiles.Count, 2048),
            () => (0L, 0L, 0L),
            (range, _, counts) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var profile = profiles[i];
                    foreach (var clause in clauses)
                    {
                        switch (clause.Verdict(profile))
                        {
                            case Truth.True:
                                counts.Item1++;
                                break;
                            case Truth.Unknown:
                                counts.Item2++;
                                break;
                            default:
                                counts.Item3++;
                                break;
                        }
                    }
                }

                return counts;
            },
            counts =>
            {
                Interlocked.Add(ref eligible, counts.Item1);
                Interlocked.Add(ref possible, counts.Item2);
                Interlocked.Add(ref notEligible, counts.Item3);
            });
        return (eligible, possible, notEligible);
    }

    /// <summary>Clauses of the shapes real policies have: 1-4 conditions on tiers, figures, age, district, chain.</summary>
    internal static async Task AddClausesAsync(InnoClusterDbContext db, int count)
    {
        var random = new Random(2026);
        var districts = await db.Set<District>().OrderBy(d => d.Code).Select(d => d.Code).ToListAsync();
        var nodes = await db.Set<ChainNode>().OrderBy(n => n.Code).Select(n => n.Code).ToListAsync();
        string[] tiers = ["high-tech", "specialised-sme", "little-giant", "gazelle", "unicorn-candidate", "listed", "lead-goose-candidate"];
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var conditions = new List<Condition>();
            foreach (var kind in Enumerable.Range(0, 7).OrderBy(_ => random.Next()).Take(1 + random.Next(4)))
            {
                conditions.Add(ConditionRules.Check(kind switch
                {
                    0 => new Condition("tier", "in", string.Join(",", tiers.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))),
                    1 => new Condition("revenue", ">=", (1_000_000 * (1 + random.Next(500))).ToString(CultureInfo.InvariantCulture)),
                    2 => new Condition("rd-ratio", ">=", (3 + random.Next(8)).ToString(CultureInfo.InvariantCulture)),
                    3 => new Condition("age", "<=", (3 + random.Next(12)).ToString(CultureInfo.InvariantCulture)),
                    4 => new Condition("district", "in", string.Join(",", districts.OrderBy(_ => random.Next()).Take(1 + random.Next(3)))),
                    5 => new Condition("chain", "in", string.Join(",", nodes.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))),
                    _ => new Condition("employees", ">=", (10 + random.Next(500)).ToString(CultureInfo.InvariantCulture)),
                }));
            }

            var clause = new PolicyClause { CreatedAt = now };
            clause.Revise(new ClauseTerms($"基准条款{i}", null, [new SupportTerms(SupportMethod.Award, Cap: 100_000m * (1 + random.Next(100)))], conditions, null, null, null, "市工信局", ClauseStatus.Confirmed), "bench", now);
            db.Add(clause);
        }

        await db.SaveChangesAsync();
    }
}
