using System.Diagnostics;
using System.Globalization;
using System.Text;
using InnoCluster.Features.Calculator;
using InnoCluster.Features.Calls;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Features.Scenarios;
using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Bench;

/// <summary>
/// The push of the workspace (issue 20): one new clause matched against every firm; one changed firm matched
/// against every open clause, call and demand; and the digest built for 100,000 people.
/// </summary>
public static class WorkspaceBench
{
    private static readonly string[] NoticeKeys = ["clause:1", "call:1"];

    public static async Task<IReadOnlyList<string>> RunAsync(string provider, int enterprises, int clauses, int calls, int demands, int people)
    {
        var lines = new List<string>();
        await using var host = new BenchHost(provider);
        host.StartKestrel();
        var clock = Stopwatch.StartNew();
        int[] firmIds;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await SyntheticRegistry.ImportAsync(scope.ServiceProvider, enterprises);

            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            await CalculatorBench.AddClausesAsync(db, clauses);
            await AddCallsAsync(db, calls);
            firmIds = await db.Set<Enterprise>().Select(e => e.Id).ToArrayAsync();
        }

        await AddDemandsAsync(host, demands);
        var solutionFirms = await AddSolutionsAsync(host, firmIds, 20);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | setup: {enterprises:N0} firms, {clauses:N0} clauses, {calls:N0} open calls, {demands:N0} demands | {clock.Elapsed.TotalSeconds:F0} s | | |"));

        // One new clause against every firm, as the push job runs it (the clause is confirmed: a new revision).
        var newClause = new List<double>();
        var fits = 0;
        for (var i = 0; i < 5; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var clause = new PolicyClause { CreatedAt = DateTimeOffset.UtcNow };
            clause.Revise(new ClauseTerms($"新条款{i}", null, [new SupportTerms(SupportMethod.Award, Cap: 500_000m)],
                [ConditionRules.Check(new Condition("tier", "in", "high-tech")), ConditionRules.Check(new Condition("revenue", ">=", (5_000_000 * (i + 1)).ToString(CultureInfo.InvariantCulture)))],
                null, null, null, "市工信局", ClauseStatus.Confirmed), "bench", DateTimeOffset.UtcNow);
            db.Add(clause);
            if (i > 0)
            {
                // A firm's record changed since the last clause, as it does between two confirmations: only that firm is read again.
                var figure = await db.Set<YearlyFigure>().OrderBy(f => f.Id).Skip(i * 997).FirstAsync();
                figure.Revenue = (figure.Revenue ?? 0) + 1;
            }

            await db.SaveChangesAsync();
            var started = Stopwatch.GetTimestamp();
            var found = await scope.ServiceProvider.GetServices<IPushSource>().Single(s => s.Topic == "clause").NoticesAsync(clause.Id, CancellationToken.None);
            newClause.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            fits = found.Count;
        }

        var (c50, _, cMax) = BenchHost.Latencies([.. newClause.Skip(1)]);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | one new clause matched against {firmIds.Length:N0} firms (the first reads every profile: {newClause[0]:F0} ms; then 4 more clauses, each after one firm changed its figures; the last fits {fits:N0}) | median {c50:F0} ms | max {cMax:F0} ms | target < 1 s: {(cMax < 1000 ? "met" : "not met")} |"));

        // One changed firm against every open clause, call and demand (each measured firm offers one solution).
        var changed = new List<double>();
        var bySource = new Dictionary<string, List<double>>();
        var told = 0;
        foreach (var firm in solutionFirms.Concat(solutionFirms))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var started = Stopwatch.GetTimestamp();
            foreach (var source in scope.ServiceProvider.GetServices<IPushSource>())
            {
                var one = Stopwatch.GetTimestamp();
                told += (await source.NoticesForFirmAsync(firm, CancellationToken.None)).Count;
                (bySource.TryGetValue(source.Topic, out var list) ? list : bySource[source.Topic] = []).Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
            }

            changed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var (f50, f95, fMax) = BenchHost.Latencies([.. changed.Skip(solutionFirms.Count)]);
        var parts = string.Join(", ", bySource.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} p95 {BenchHost.Latencies([.. s.Value.Skip(solutionFirms.Count)]).P95:F0} ms")));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | one changed firm against {clauses:N0} clauses + {calls:N0} calls + {demands:N0} demands ({solutionFirms.Count} firms, second pass) | p50 {f50:F0} ms | p95 {f95:F0} ms | max {fMax:F0} ms; {parts}; {told / changed.Count:N0} fits per firm; target < 100 ms: {(f95 < 100 ? "met" : "not met")} |"));

        // The digest for 100,000 people, each with two notices waiting.
        await AddPeopleWithNoticesAsync(host, people);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var started = Stopwatch.GetTimestamp();
            var sent = await scope.ServiceProvider.GetRequiredService<SendDigests>().RunAsync(onDemand: true, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | digests built and queued for {people:N0} people ({sent.Notices:N0} notices) | {elapsed.TotalSeconds:F1} s | {sent.Mails:N0} mails | target < 60 s: {(elapsed.TotalSeconds < 60 ? "met" : "not met")}; peak working set {BenchHost.PeakWorkingSetMb()} MB |"));
        }

        return lines;
    }

    /// <summary>Open calls with one to three of the calculator's conditions, as calls are written.</summary>
    private static async Task AddCallsAsync(InnoClusterDbContext db, int count)
    {
        var random = new Random(20);
        string[] tiers = ["high-tech", "specialised-sme", "gazelle", "little-giant"];
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var conditions = new List<EligibilityCondition> { new("tier", "in", tiers[random.Next(tiers.Length)]) };
            if (random.Next(2) == 0)
            {
                conditions.Add(new("revenue", ">=", (1_000_000 * (1 + random.Next(200))).ToString(CultureInfo.InvariantCulture)));
            }

            db.Add(new Call
            {
                Title = $"基准征集{i}", Summary = "基准", Kind = CallKind.Solicitation, Programme = CallProgramme.DemonstrationProject, Year = now.Year,
                Conditions = [.. EligibilityCheck.Normalise(conditions)], OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30), Status = CallStatus.Published,
                CreatedBy = "bench", CreatedAt = now, PublishedAt = now,
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Published demands from the real technology-demand corpus, indexed for matching.</summary>
    private static async Task AddDemandsAsync(BenchHost host, int count)
    {
        var (corpus, _) = DemandFile.Read(await File.ReadAllTextAsync(Path.Combine(BenchHost.RepositoryRoot, "tests", "fixtures", "corpus", "tech-demands.csv")));
        for (var start = 0; start < count; start += 500)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var batch = Enumerable.Range(start, Math.Min(500, count - start)).Select(i =>
            {
                var real = corpus[i % corpus.Count];
                return new Demand { Title = real.Title + $"（{i}）", Problem = real.Problem.Length > 0 ? real.Problem : real.Title, Status = DemandStatus.Published, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            }).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddRange(batch);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<DemandIndex>().IndexAsync(db, batch, CancellationToken.None, areNew: true);
            await transaction.CommitAsync();
        }
    }

    /// <summary>One solution each for a few firms (the firms whose change is measured), worded like the demands.</summary>
    private static async Task<IReadOnlyList<int>> AddSolutionsAsync(BenchHost host, int[] firmIds, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        string[] offers = ["机器视觉缺陷检测系统", "工业大模型质检平台", "智能仓储调度软件", "医疗影像辅助诊断系统", "语音交互客服平台"];
        var firms = firmIds.Where((_, i) => i % (firmIds.Length / count) == 0).Take(count).ToList();
        var solutions = firms.Select((firm, i) => new Solution
        {
            EnterpriseId = firm, Title = offers[i % offers.Length], Description = offers[i % offers.Length] + "，面向制造业企业提供检测、识别与分析服务。",
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AddRange(solutions);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<SolutionIndex>().IndexAsync(db, solutions, CancellationToken.None, areNew: true);
        await transaction.CommitAsync();
        return firms;
    }

    /// <summary>People (accounts with an address) and two undigested notices each, written in bulk.</summary>
    private static async Task AddPeopleWithNoticesAsync(BenchHost host, int people)
    {
        const int Chunk = 10_000;
        for (var start = 0; start < people; start += Chunk)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var now = DateTimeOffset.UtcNow;
            var users = Enumerable.Range(start, Math.Min(Chunk, people - start)).Select(i => new AppUser
            {
                Id = $"bench-{i:D7}", UserName = $"p{i}@bench.example", NormalizedUserName = $"P{i}@BENCH.EXAMPLE", Email = $"p{i}@bench.example", NormalizedEmail = $"P{i}@BENCH.EXAMPLE",
                DisplayName = $"人员{i}", SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"), CreatedAt = now,
            }).ToList();
            await BulkInsert.InsertAsync(db, users, withKeys: true, CancellationToken.None);
            var notices = users.SelectMany(u => NoticeKeys.Select(key => new Notification
            {
                UserId = u.Id, Key = key, Kind = NoticeKind.Policy, Title = "贵企业符合政策条款「基准条款」", TitleEn = "Your firm qualifies", Link = "/clauses/1", CreatedAt = now,
            })).ToList();
            await BulkInsert.InsertAsync(db, notices, withKeys: false, CancellationToken.None);
        }
    }
}
