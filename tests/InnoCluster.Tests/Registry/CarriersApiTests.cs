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

namespace InnoCluster.Tests.Registry;

/// <summary>Carriers kept by the office: created and edited, their stages in order, the documents' carriers kept as the sources state them, and the plan's count of them.</summary>
public abstract class CarriersApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected CarriersApiTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonNode> SendAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected) => sending.AnsweredAsync(expected);

    private static object Stage(string stage, string? on = null, int? year = null) => new { stage, on, year, source = "测试通知", quote = "测试原文" };

    [Fact]
    public async Task AnOfficial_KeepsACarrier_AndItsStagesStayInOrder()
    {
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var bad = await SendAsync(office.PostAsJsonAsync("/api/carriers", new { name = "", kind = "Castle", district = "atlantis", chainNodes = new[] { "no-such-node" }, level = "galactic" }, Ct), HttpStatusCode.BadRequest);
        Assert.All(new[] { "name", "kind", "district", "chainNodes", "level" }, f => Assert.Contains(f, bad.ToJsonString(), StringComparison.Ordinal));

        var created = await SendAsync(office.PostAsJsonAsync("/api/carriers", new { name = "苏州测试重点实验室", kind = "KeyLaboratory", level = "provincial", district = "sip", approvingBody = "江苏省科技厅", backers = new object[] { new { name = "苏州大学" } } }, Ct), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();
        Assert.Equal(("provincial", "苏州大学", false), (created["level"]!.GetValue<string>(), created["backers"]![0]!["name"]!.GetValue<string>(), created["fromSources"]!.GetValue<bool>()));

        var year = BeijingTime.Today(app.Clock).Year;
        await SendAsync(office.PostAsJsonAsync($"/api/carriers/{id}/stages", Stage("Planning", year: year - 2), Ct), HttpStatusCode.OK);
        var built = await SendAsync(office.PostAsJsonAsync($"/api/carriers/{id}/stages", Stage("Built", on: $"{year - 1}-06-01"), Ct), HttpStatusCode.OK);
        Assert.Equal("Built", built["stage"]!.GetValue<string>());
        await SendAsync(office.PostAsJsonAsync($"/api/carriers/{id}/stages", Stage("Built", year: year - 1), Ct), HttpStatusCode.Conflict);
        await SendAsync(office.PostAsJsonAsync($"/api/carriers/{id}/stages", Stage("Recognised", on: $"{year - 1}-05-01"), Ct), HttpStatusCode.BadRequest); // before it was built
        await SendAsync(office.PostAsJsonAsync($"/api/carriers/{id}/stages", Stage("Recognised", on: $"{year + 1}-01-01"), Ct), HttpStatusCode.BadRequest); // in the future
        await SendAsync(office.PostAsJsonAsync($"/api/carriers/{id}/stages", new { stage = "Recognised", year }, Ct), HttpStatusCode.BadRequest); // no source
        var recognised = await SendAsync(office.PostAsJsonAsync($"/api/carriers/{id}/stages", Stage("Recognised", year: year), Ct), HttpStatusCode.OK);
        Assert.Equal(3, recognised["stages"]!.AsArray().Count);
        await SendAsync(app.CreateClient().PostAsJsonAsync($"/api/carriers/{id}/stages", Stage("Closed", year: year), Ct), HttpStatusCode.Unauthorized);

        // A carrier from the documents keeps what they state; the office adds its level.
        var seeded = (await app.CreateClient().GetJsonAsync("/api/carriers?kind=OpenInnovationPlatform")).AsArray().First(c => c!["fromSources"]!.GetValue<bool>())!;
        var same = new
        {
            name = seeded["name"]!.GetValue<string>(), kind = seeded["kind"]!.GetValue<string>(), district = seeded["district"]?["code"]?.GetValue<string>(), city = seeded["city"]?.GetValue<string>(),
            hostEnterpriseId = seeded["host"]?["id"]?.GetValue<int>(), aliases = seeded["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray(),
            chainNodes = seeded["chainNodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToArray(), level = "national", approvingBody = "科技部",
        };
        await SendAsync(office.PutAsJsonAsync($"/api/carriers/{seeded["id"]}", same with { name = "改过的名称" }, Ct), HttpStatusCode.BadRequest);
        var levelled = await SendAsync(office.PutAsJsonAsync($"/api/carriers/{seeded["id"]}", same, Ct), HttpStatusCode.OK);
        Assert.Equal(("national", "科技部"), (levelled["level"]!.GetValue<string>(), levelled["approvingBody"]!.GetValue<string>()));
        var page = await app.CreateClient().GetStringAsync($"/carriers/{id}", Ct);
        Assert.Contains("江苏省科技厅", page, StringComparison.Ordinal);
        Assert.Contains("测试原文", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCarrierCount_AgreesWithADirectSqlCount_TodayAndOnAPastDay()
    {
        var today = BeijingTime.Today(app.Clock);
        var past = new DateOnly(today.Year - 1, 6, 30);
        await app.WithDbAsync(async db =>
        {
            CarrierStage At(CarrierStageKind stage, DateOnly? day, int year) => new() { Stage = stage, Day = day, Year = year, Source = new Provenance { Kind = ProvenanceKind.Manual, Source = "测试" }, EnteredBy = "test" };
            Carrier Lab(string name, TierLevel level, params CarrierStage[] stages) => new() { SeedKey = "office-" + Guid.NewGuid().ToString("N"), Name = name, Kind = CarrierKind.KeyLaboratory, Level = level, Stages = [.. stages] };
            db.AddRange(
                Lab("甲实验室", TierLevel.National, At(CarrierStageKind.Built, null, today.Year - 2)),
                Lab("乙实验室", TierLevel.Provincial, At(CarrierStageKind.Planning, null, today.Year - 2), At(CarrierStageKind.Built, past.AddDays(1), past.Year)),
                Lab("丙实验室", TierLevel.Municipal, At(CarrierStageKind.Recognised, null, today.Year - 3)),
                Lab("丁实验室", TierLevel.Provincial, At(CarrierStageKind.Built, null, today.Year - 4), At(CarrierStageKind.Closed, past.AddDays(-1), past.Year)),
                Lab("戊实验室", TierLevel.Provincial, At(CarrierStageKind.Planning, null, today.Year - 1)));
            return await db.SaveChangesAsync(Ct);
        });
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var (target, plan) = await app.WithDbAsync(async db => await db.Set<PlanTarget>().Where(t => t.Name.Contains("重点实验室")).Select(t => new Tuple<int, int>(t.Id, t.PlanId)).FirstAsync(Ct) is var row ? (row.Item1, row.Item2) : default);
        var since = today.Year - 2;
        foreach (var (spec, newOnly) in new[] { ("carriers:key-laboratory,engineering-research-centre/provincial", ""), ($"carriers:key-laboratory,engineering-research-centre/provincial+{since}", $" AND NOT EXISTS (SELECT 1 FROM carrier_stages s WHERE s.carrier_id = c.id AND s.stage IN ('Built', 'Recognised') AND (s.\"day\" < '{since}-01-01' OR (s.\"day\" IS NULL AND s.year < {since})))") })
        {
            await SendAsync(office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = spec }, Ct), HttpStatusCode.NoContent);
            foreach (var (day, asOf) in new[] { (today, (DateOnly?)null), (past, past) })
            {
                var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                string Reached(string stages) => $"EXISTS (SELECT 1 FROM carrier_stages s WHERE s.carrier_id = c.id AND s.stage IN ({stages}) AND (s.\"day\" <= '{d}' OR (s.\"day\" IS NULL AND s.year <= {day.Year})))";
                var sql = $"SELECT COUNT(*) AS \"Value\" FROM carriers c WHERE c.kind IN ('KeyLaboratory', 'EngineeringResearchCentre') AND c.level IN ('Global', 'National', 'Provincial') AND {Reached("'Built', 'Recognised'")} AND NOT {Reached("'Closed'")}{newOnly}";
                var direct = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct));
                var shown = (await office.GetJsonAsync($"/api/plans/{plan}/targets" + (asOf is { } a ? $"?asOf={a:yyyy-MM-dd}" : ""))).AsArray().Single(t => t!["id"]!.GetValue<int>() == target)!["latestValue"]?.GetValue<decimal>() ?? 0m;
                Assert.True(direct == shown, $"{spec} on {d}: SQL {direct}, platform {shown}");
            }
        }

        // New since two years ago: 甲 (built then) and 乙 (built last year); 丙 was recognised three years ago.
        Assert.Equal(["乙实验室", "甲实验室"], (await app.WithDbAsync(db => db.Set<Carrier>().Where(Carrier.NewSince(since)).Where(Carrier.StandingOn(today)).Select(c => c.Name).ToListAsync(Ct))).Where(n => n.EndsWith("实验室", StringComparison.Ordinal) && n.Length == 4).Order(StringComparer.Ordinal));

        // Today: 甲 (national) and 乙 (provincial, built last year) stand; 丙 is municipal, 丁 closed, 戊 only being set up. A year ago 乙 was not yet built, 丁 not yet closed.
        Assert.True(await app.WithDbAsync(db => db.Set<Carrier>().Where(Carrier.StandingOn(today)).AnyAsync(c => c.Name == "乙实验室", Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<Carrier>().Where(Carrier.StandingOn(past)).AnyAsync(c => c.Name == "乙实验室", Ct)));
        Assert.True(await app.WithDbAsync(db => db.Set<Carrier>().Where(Carrier.StandingOn(past.AddDays(-2))).AnyAsync(c => c.Name == "丁实验室", Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<Carrier>().Where(Carrier.StandingOn(today)).AnyAsync(c => c.Name == "丁实验室", Ct)));
    }
}

public sealed class SqliteCarriersApiTests(TestApp<SqliteTarget> app) : CarriersApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresCarriersApiTests(TestApp<PostgresTarget> app) : CarriersApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
