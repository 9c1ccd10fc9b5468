using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Features.ServiceDesk;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Bench;

/// <summary>
/// The service desk with 100,000 requests over three years from 2,000 firms in the seed's 板块: every state
/// (a tenth still open, some of them overdue), six themes and a tenth unclassified, twelve lead units, ratings
/// on the closed ones. Then the desk's board (first page, the overdue filter, a unit's view) and the office's
/// analytics (the default last twelve months and all three years) timed over HTTP as an official.
/// </summary>
public static class ServiceDeskBench
{
    private static readonly string?[] Themes = ["政策兑现", "融资", "人才", "用地", "审批", "场景", null];

    public static async Task<IReadOnlyList<string>> RunAsync(string provider, int appeals, int requests)
    {
        var lines = new List<string>();
        await using var host = new BenchHost(provider);
        var client = host.StartKestrel();
        var now = TimeProvider.System.GetUtcNow();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await SyntheticRegistry.ImportAsync(scope.ServiceProvider, 2000);

            var firms = (await scope.ServiceProvider.GetRequiredService<IRegistryDirectory>().SketchesAsync(
                await scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>().Set<Enterprise>().Select(e => e.Id).ToListAsync(), CancellationToken.None)).Values.ToArray();
            var loading = Stopwatch.StartNew();
            var random = new Random(19);
            for (var done = 0; done < appeals; done += 5000)
            {
                await using var batchScope = host.Services.CreateAsyncScope();
                var db = batchScope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
                var batch = Enumerable.Range(done, Math.Min(5000, appeals - done)).Select(_ => Make(random, firms, now.AddMinutes(-random.Next(3 * 365 * 24 * 60)), now)).ToList();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await BulkInsert.InsertAsync(db, batch, withKeys: false, CancellationToken.None);
                await transaction.CommitAsync();
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {appeals:N0} requests over 3 years from {firms.Length:N0} firms loaded | {loading.Elapsed.TotalSeconds:F1} s | | |"));
        }

        string token;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var made = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync(new Accounts.NewAccount($"bench-{Guid.NewGuid():N}@example.test", "bench", [Roles.Official]), CancellationToken.None);
            token = (await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(made.Value!.User.Id, "bench", 1, CancellationToken.None)).Token;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var threeYears = $"from={WorkingCalendar.BeijingDay(now).AddYears(-3):yyyy-MM-dd}";
        foreach (var (url, what) in new[]
        {
            ("/api/appeals", "board: GET /api/appeals (first page)"),
            ("/api/appeals?overdue=true", "board: GET /api/appeals?overdue=true"),
            ("/api/appeals?unit=%E5%B8%82%E5%B7%A5%E4%BF%A1%E5%B1%80&status=InProgress", "board: one unit's requests in progress"),
            ("/api/appeals/analytics", "analytics: GET /api/appeals/analytics (last 12 months)"),
            ("/api/appeals/analytics?" + threeYears, "analytics: all three years"),
        })
        {
            await BenchHost.TimeGetsAsync(client, url, 5);
            var (p50, p95, max) = BenchHost.Latencies(await BenchHost.TimeGetsAsync(client, url, requests));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {what} | p50 {p50:F1} ms | p95 {p95:F1} ms | max {max:F1} ms; target p95 < 200 ms: {(p95 < 200 ? "met" : "not met")} |"));
        }

        return lines;
    }

    private static readonly string[] Units = ["市工信局", "市科技局", "市发改委", "市人社局", "市财政局", "市商务局", "市自然资源和规划局", "市政务办", "市金融监管局", "市数据局", "园区经发局", "高新区科技局"];

    /// <summary>One request as the desk would have left it: most closed and rated, some resolved, some open (overdue when their clock ran out).</summary>
    private static Appeal Make(Random random, EnterpriseSketch[] firms, DateTimeOffset received, DateTimeOffset now)
    {
        var firm = firms[random.Next(firms.Length)];
        var open = received > now.AddDays(-60) && random.Next(3) == 0;
        var stage = open ? (AppealStatus)random.Next(3) : random.Next(10) == 0 ? AppealStatus.Resolved : AppealStatus.Closed;
        var assigned = stage == AppealStatus.Received ? (DateTimeOffset?)null : received.AddHours(random.Next(4, 40));
        var resolved = stage is AppealStatus.Resolved or AppealStatus.Closed ? assigned!.Value.AddDays(random.Next(2, 30)) : (DateTimeOffset?)null;
        return new Appeal
        {
            Topic = "基准诉求", Text = "基准诉求内容。", Theme = stage == AppealStatus.Received ? null : Themes[random.Next(Themes.Length)],
            EnterpriseId = firm.Id, EnterpriseName = firm.Name, DistrictId = firm.DistrictId, Channel = (AppealChannel)random.Next(5),
            ReceivedAt = received, FiledById = "bench", Status = stage, AcceptDueAt = received.AddDays(1),
            LeadUnit = assigned is null ? null : Units[random.Next(Units.Length)], AssignedAt = assigned,
            FirstResponseDueAt = assigned?.AddDays(3), FirstResponseAt = stage >= AppealStatus.InProgress ? assigned!.Value.AddDays(random.Next(1, 5)) : null,
            ResolveDueAt = assigned?.AddDays(21), ResolvedAt = resolved, Resolution = resolved is null ? null : "已办结。",
            Rating = stage == AppealStatus.Closed ? (Satisfaction)Math.Min(2, random.Next(12) / 5) : null,
        };
    }
}
