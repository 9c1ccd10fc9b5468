using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Registry;

/// <summary>
/// A compute centre's capacity kept as readings over time (total and 智算, in P, with a day or year and a source), and
/// a fund's size, manager and focus; the plan's compute count sums each standing centre's latest reading as a direct
/// SQL query does, today and on a past day.
/// </summary>
public abstract class CarrierCapacityTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected CarrierCapacityTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> CarrierAsync(HttpClient office, string kind, string name, object? fund = null)
    {
        var created = await office.PostAsJsonAsync("/api/carriers", fund ?? new { name = name + Guid.NewGuid().ToString("N")[..6], kind }, Ct).AnsweredAsync(HttpStatusCode.Created);
        return created["id"]!.GetValue<int>();
    }

    [Fact]
    public async Task CapacityReadings_FollowTheirRules_AndTheComputeCountSumsEachCentresLatestReading_AsDirectSqlDoes()
    {
        var today = BeijingTime.Today(app.Clock);
        var past = new DateOnly(today.Year - 1, 6, 30);
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var centre = await CarrierAsync(office, "ComputeCentre", "测试智算中心");
        var lab = await CarrierAsync(office, "KeyLaboratory", "测试实验室");
        object Stage(string stage, int year) => new { stage, year, source = "测试通知" };
        await office.PostAsJsonAsync($"/api/carriers/{centre}/stages", Stage("Built", today.Year - 2), Ct).AnsweredAsync(HttpStatusCode.OK);
        object Reading(decimal? total, decimal? intelligent, DateOnly? asOf = null, int? year = null, string? source = "测试报道") =>
            new { totalPeta = total, intelligentPeta = intelligent, asOf, year, source };

        // The rules: only a compute centre, 智算 within the total, a day not in the future, a source.
        await office.PostAsJsonAsync($"/api/carriers/{lab}/capacity", Reading(100, 50, year: today.Year - 1), Ct).AnsweredAsync(HttpStatusCode.Conflict);
        var refused = await office.PostAsJsonAsync($"/api/carriers/{centre}/capacity", Reading(100, 500, today.AddDays(1)), Ct).AnsweredAsync(HttpStatusCode.BadRequest);
        Assert.True(refused["errors"]!.AsObject().ContainsKey("intelligentPeta") && refused["errors"]!.AsObject().ContainsKey("asOf"), refused.ToJsonString());
        await office.PostAsJsonAsync($"/api/carriers/{centre}/capacity", Reading(100, 50, year: today.Year - 1, source: " "), Ct).AnsweredAsync(HttpStatusCode.BadRequest);
        await app.CreateClient().PostAsJsonAsync($"/api/carriers/{centre}/capacity", Reading(100, 50, year: today.Year - 1), Ct).AnsweredAsync(HttpStatusCode.Unauthorized);

        await office.PostAsJsonAsync($"/api/carriers/{centre}/capacity", Reading(1000, 400, year: today.Year - 2), Ct).AnsweredAsync(HttpStatusCode.OK);
        await office.PostAsJsonAsync($"/api/carriers/{centre}/capacity", Reading(1500, 600, past.AddDays(-10)), Ct).AnsweredAsync(HttpStatusCode.OK);
        var shown = await office.PostAsJsonAsync($"/api/carriers/{centre}/capacity", Reading(2000, 900, past.AddDays(10)), Ct).AnsweredAsync(HttpStatusCode.OK);
        Assert.Equal(3, shown["capacities"]!.AsArray().Count);

        using var scope = app.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryCounts>();
        foreach (var day in new[] { today, past })
        {
            foreach (var intelligent in new[] { true, false })
            {
                var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var column = intelligent ? "intelligent_peta" : "total_peta";
                string Reached(string stages) => $"EXISTS (SELECT 1 FROM carrier_stages s WHERE s.carrier_id = c.id AND s.stage IN ({stages}) AND (s.\"day\" <= '{d}' OR (s.\"day\" IS NULL AND s.year <= {day.Year})))";
                var sql = $"SELECT CAST(COALESCE(SUM(v), 0) AS NUMERIC) AS \"Value\" FROM (SELECT (SELECT r.{column} FROM carrier_capacities r WHERE r.carrier_id = c.id AND r.{column} IS NOT NULL AND (r.as_of <= '{d}' OR (r.as_of IS NULL AND r.year <= {day.Year})) ORDER BY r.year DESC, (r.as_of IS NULL) DESC, r.as_of DESC, r.id DESC LIMIT 1) AS v FROM carriers c WHERE c.kind = 'ComputeCentre' AND {Reached("'Built', 'Recognised'")} AND NOT {Reached("'Closed'")}) latest";
                var direct = await app.WithDbAsync(db => db.Database.SqlQueryRaw<decimal>(sql).SingleAsync(Ct));
                var counted = await registry.CapacityAsync(new CapacityCount(intelligent), day, Ct);
                Assert.True(direct == counted, $"{(intelligent ? "智算" : "总算力")} on {d}: SQL {direct}, platform {counted}");
            }
        }

        // Today the centre's latest reading is the one after the past day (900P); on the past day the one ten days before it (600P).
        Assert.True(await registry.ForDistrict(int.MaxValue).CapacityAsync(new CapacityCount(true), today, Ct) == 0);
        Assert.True(ComputedIndicator.TryParse("compute:intelligent", out var indicator) && indicator.Units is ["P"]);
        var firms = await app.WithDbAsync(db => db.Set<PlanTarget>().Where(t => t.Unit == "家").Select(t => t.Id).FirstAsync(Ct));
        await office.PutAsJsonAsync($"/api/plan-targets/{firms}/indicator", new { computed = "compute:intelligent" }, Ct).AnsweredAsync(HttpStatusCode.BadRequest);
        var page = await app.CreateClient().GetStringAsync($"/carriers/{centre}", Ct);
        Assert.Contains("900 P", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFundKeepsItsSizeManagerAndFocus_AndOnlyAFundDoes()
    {
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var name = "测试人工智能产业基金" + Guid.NewGuid().ToString("N")[..6];
        var fund = await office.PostAsJsonAsync("/api/carriers", new { name, kind = "Fund", fundSize = 50.5m, fundManager = "测试创投管理有限公司", fundFocus = "人工智能 芯片" }, Ct).AnsweredAsync(HttpStatusCode.Created);
        Assert.Equal((50.5m, "测试创投管理有限公司", "人工智能 芯片"), (fund["fund"]!["size"]!.GetValue<decimal>(), fund["fund"]!["manager"]!.GetValue<string>(), fund["fund"]!["focus"]!.GetValue<string>()));
        var notAFund = await office.PostAsJsonAsync("/api/carriers", new { name = name + "实验室", kind = "KeyLaboratory", fundSize = 10m }, Ct).AnsweredAsync(HttpStatusCode.BadRequest);
        Assert.True(notAFund["errors"]!.AsObject().ContainsKey("fundSize"), notAFund.ToJsonString());
        await office.PostAsJsonAsync("/api/carriers", new { name = name + "二期", kind = "Fund", fundSize = -1m }, Ct).AnsweredAsync(HttpStatusCode.BadRequest);
        Assert.Contains("测试创投管理有限公司", await app.CreateClient().GetStringAsync($"/carriers/{fund["id"]!.GetValue<int>()}", Ct), StringComparison.Ordinal);
    }
}

public sealed class SqliteCarrierCapacityTests(TestApp<SqliteTarget> app) : CarrierCapacityTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresCarrierCapacityTests(TestApp<PostgresTarget> app) : CarrierCapacityTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
