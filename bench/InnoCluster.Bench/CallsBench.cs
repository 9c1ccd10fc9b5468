using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using InnoCluster.Features.Calls;
using InnoCluster.Features.Identity;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Bench;

/// <summary>
/// A call with 2,000 applications (one per generated firm, all past 形式审查) and 120 experts: a tenth of the
/// experts work at an applying firm, a third declared interests in three firms each (holdings, recent joint
/// projects), so recusal has real work. Assignment of 5 experts each is timed in process (the use case the
/// API runs); then every expert scores, and the ranking is timed over HTTP as an official.
/// </summary>
public static class CallsBench
{
    public static async Task<IReadOnlyList<string>> RunAsync(string provider, int applications, int experts, int requests)
    {
        var lines = new List<string>();
        await using var host = new BenchHost(provider);
        var client = host.StartKestrel();
        var now = TimeProvider.System.GetUtcNow();
        int callId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await SyntheticRegistry.ImportAsync(scope.ServiceProvider, applications);

            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var firms = await db.Set<Enterprise>().OrderBy(e => e.Id).Select(e => new { e.Id, e.Name, e.DistrictId }).ToListAsync();
            var call = new Call
            {
                Title = "基准测试示范项目遴选", Kind = CallKind.Selection, Programme = CallProgramme.DemonstrationProject, Year = now.Year, Status = CallStatus.Published,
                OpensAt = now.AddDays(-30), ClosesAt = now.AddDays(-1), Rubric = [new("innovation", "创新性", 40, 10), new("benefit", "应用成效", 60, 10)], CreatedAt = now,
            };
            db.Add(call);
            await db.SaveChangesAsync();
            callId = call.Id;
            var random = new Random(17);
            db.AddRange(firms.Take(applications).Select(f => new CallApplication
            {
                CallId = call.Id, EnterpriseId = f.Id, EnterpriseName = f.Name, DistrictId = f.DistrictId, ProjectTitle = "基准项目", Status = ApplicationStatus.Accepted, CreatedAt = now,
                Partners = random.Next(10) == 0 ? ["苏州大学"] : [],
            }));
            db.AddRange(Enumerable.Range(0, experts).Select(i => new Expert
            {
                UserId = $"bench-expert-{i}", Name = $"专家{i}", CreatedAt = now,
                Affiliation = i % 10 == 0 ? firms[random.Next(firms.Count)].Name : i % 7 == 0 ? "苏州大学" : $"某大学{i}",
                Interests = i % 3 == 0 ? [.. Enumerable.Range(0, 3).Select(k => new DeclaredInterest(firms[random.Next(firms.Count)].Name, k == 0 ? InterestKind.Shareholding : InterestKind.JointProject, now.Year - k))] : [],
            }));
            await db.SaveChangesAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var watch = Stopwatch.StartNew();
            var outcome = (await scope.ServiceProvider.GetRequiredService<AssignExperts>().RunAsync(callId, CancellationToken.None)).Value!;
            watch.Stop();
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {provider} | assign 5 experts to each of {applications:N0} applications from {experts} experts, with recusal | {watch.Elapsed.TotalSeconds:F2} s | {outcome.Assigned:N0} assignments, {outcome.Recusals:N0} recusals, {outcome.ShortOfExperts.Count} short | target < 2 s: {(watch.Elapsed.TotalSeconds < 2 ? "met" : "not met")} |"));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var random = new Random(23);
            var assignments = await db.Set<ReviewAssignment>().Where(r => r.CallId == callId && r.Status == AssignmentStatus.Assigned).ToListAsync();
            var rubric = (await db.Set<Call>().SingleAsync(c => c.Id == callId)).Rubric;
            foreach (var assignment in assignments)
            {
                var lenience = assignment.ExpertId % 5;
                assignment.Score(rubric, new Dictionary<string, decimal> { ["innovation"] = Math.Min(10, random.Next(4, 9) + lenience / 2), ["benefit"] = Math.Min(10, random.Next(3, 9) + lenience / 2) }, null, now);
            }

            await db.SaveChangesAsync();
            var made = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync(new Accounts.NewAccount($"bench-{Guid.NewGuid():N}@example.test", "bench", [Roles.Official]), CancellationToken.None);
            var token = (await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(made.Value!.User.Id, "bench", 1, CancellationToken.None)).Token;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }

        foreach (var (url, what) in new[] { ($"/api/calls/{callId}/ranking", "ranking: GET /api/calls/{id}/ranking (all scored, z-normalised)"), ($"/calls/{callId}/ranking", "ranking page: GET /calls/{id}/ranking") })
        {
            await BenchHost.TimeGetsAsync(client, url, 3);
            var (p50, p95, max) = BenchHost.Latencies(await BenchHost.TimeGetsAsync(client, url, requests));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {what} | p50 {p50:F1} ms | p95 {p95:F1} ms | max {max:F1} ms; target p95 < 200 ms: {(p95 < 200 ? "met" : "not met")} |"));
        }

        return lines;
    }
}
