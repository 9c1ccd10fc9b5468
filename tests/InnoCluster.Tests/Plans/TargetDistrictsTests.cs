using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Plans;

/// <summary>
/// A target broken down by 板块: the office sets each 板块's part (all or nothing, in the target's unit), and a registry
/// count is shown per 板块 as a direct SQL count grouped by the firms' district says.
/// </summary>
public abstract class TargetDistrictsTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected TargetDistrictsTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOfficeSetsEachDistrictsPart_AllOrNothing_AndTheRegistryCountIsSplitByTheFirmsDistrict()
    {
        var target = await app.WithDbAsync(db => db.Set<PlanTarget>().Where(t => t.Name.Contains("头雁")).Select(t => t.Id).FirstAsync(Ct));
        var districts = await app.WithDbAsync(db => db.Set<District>().Where(d => d.Name == "昆山市" || d.Name == "张家港市").ToDictionaryAsync(d => d.Name, d => d.Id, Ct));
        await app.WithDbAsync(async db =>
        {
            Enterprise Firm(string district, bool leadGoose) => new()
            {
                Name = "分解测试" + Guid.NewGuid().ToString("N")[..6], DistrictId = districts[district], CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(),
                Tiers = leadGoose ? [new EnterpriseTier { Tier = Tier.LeadGoose, Level = TierLevel.Municipal, Year = 2024 }] : [],
            };
            db.AddRange(Firm("昆山市", true), Firm("昆山市", true), Firm("昆山市", false), Firm("张家港市", true));
            return await db.SaveChangesAsync(Ct);
        });
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        await office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = "tiers:lead-goose" }, Ct).AnsweredAsync(HttpStatusCode.NoContent);

        var view = await app.CreateClient().GetJsonAsync($"/api/plan-targets/{target}/districts");
        Assert.True(view["counted"]!.GetValue<bool>());
        var rows = view["districts"]!.AsArray();
        Assert.Equal(10, rows.Count); // the ten 板块 of 苏州; 无锡's is not the plan's city's
        foreach (var (name, id) in districts)
        {
            var sql = $"SELECT COUNT(DISTINCT t.enterprise_id) AS \"Value\" FROM enterprise_tiers t JOIN enterprises e ON e.id = t.enterprise_id WHERE e.district_id = {id} AND t.tier = 'LeadGoose' AND t.status = 'Confirmed' AND t.ended_on IS NULL";
            var direct = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct));
            var shown = rows.Single(r => r!["district"]!.GetValue<string>() == name)!["counted"]!.GetValue<decimal>();
            Assert.True(direct == shown, $"{name}: SQL {direct}, platform {shown}");
            Assert.True(shown >= (name == "昆山市" ? 2 : 1));
        }

        await office.PutAsJsonAsync($"/api/plan-targets/{target}/districts", new { shares = new[] { new { district = "昆山市", value = "3家" }, new { district = "张家港市", value = "2" } } }, Ct)
            .AnsweredAsync(HttpStatusCode.NoContent);
        async Task<(decimal? Kunshan, decimal? Zhangjiagang, decimal? Total)> PartsAsync()
        {
            var parts = await app.CreateClient().GetJsonAsync($"/api/plan-targets/{target}/districts");
            decimal? Part(string name) => parts["districts"]!.AsArray().Single(r => r!["district"]!.GetValue<string>() == name)!["share"]?.GetValue<decimal>();
            return (Part("昆山市"), Part("张家港市"), parts["sharesTotal"]?.GetValue<decimal>());
        }

        Assert.Equal((3m, 2m, 5m), await PartsAsync());

        // A 板块 of another city and a part in 亿元 for a target in 家: refused by row and field, nothing changes.
        var refused = await office.PutAsJsonAsync($"/api/plan-targets/{target}/districts", new { shares = new[] { new { district = "无锡高新区（新吴区）", value = "1家" }, new { district = "昆山市", value = "5亿元" } } }, Ct)
            .AnsweredAsync(HttpStatusCode.BadRequest);
        var errors = refused["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("shares[0].district"), errors.ToJsonString());
        Assert.True(errors.ContainsKey("shares[1].value"), errors.ToJsonString());
        Assert.Equal((3m, 2m, 5m), await PartsAsync());

        // An empty value removes a part; a scenario owner may not set parts, the public may not either.
        await office.PutAsJsonAsync($"/api/plan-targets/{target}/districts", new { shares = new[] { new { district = "昆山市", value = "4家" }, new { district = "张家港市", value = "" } } }, Ct)
            .AnsweredAsync(HttpStatusCode.NoContent);
        Assert.Equal((4m, (decimal?)null, 4m), await PartsAsync());
        var firm = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        Assert.Equal(HttpStatusCode.Forbidden, (await firm.PutAsJsonAsync($"/api/plan-targets/{target}/districts", new { shares = Array.Empty<object>() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PutAsJsonAsync($"/api/plan-targets/{target}/districts", new { shares = Array.Empty<object>() }, Ct)).StatusCode);
        Assert.Equal((4m, (decimal?)null, 4m), await PartsAsync());

        var page = await app.CreateClient().GetStringAsync($"/plans/targets/{target}", Ct);
        Assert.Contains("按板块分解", page, StringComparison.Ordinal);
        Assert.Contains("各板块分解目标合计", page, StringComparison.Ordinal); // 4家 of a target of 10家
    }

    [Fact]
    public async Task TheSeededPlansNewCarriersTarget_IsProposedAsCarriersNewSinceThePlanBegan_From新增InItsSentence()
    {
        var target = await app.WithDbAsync(db => db.Set<PlanTarget>().Where(t => t.Name.Contains("科研载体")).Select(t => t.Id).SingleAsync(Ct));
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var view = await office.GetJsonAsync($"/api/plan-targets/{target}");
        Assert.Equal("carriers:research-institute,innovation-centre,laboratory+2023", view["suggested"]!["spec"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACallResultsTarget_IsNotSplitByDistrict_ButItsPartsCanBeSet()
    {
        var target = await app.WithDbAsync(db => db.Set<PlanTarget>().Where(t => t.Name.Contains("揭榜挂帅")).Select(t => t.Id).FirstAsync(Ct));
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        await office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = "calls:challenge-list" }, Ct).AnsweredAsync(HttpStatusCode.NoContent);
        await office.PutAsJsonAsync($"/api/plan-targets/{target}/districts", new { shares = new[] { new { district = "苏州工业园区", value = "8个" } } }, Ct).AnsweredAsync(HttpStatusCode.NoContent);
        var view = await app.CreateClient().GetJsonAsync($"/api/plan-targets/{target}/districts");
        Assert.False(view["counted"]!.GetValue<bool>());
        Assert.All(view["districts"]!.AsArray(), r => Assert.Null(r!["counted"]));
        Assert.Equal(8m, view["districts"]!.AsArray().Single(r => r!["district"]!.GetValue<string>() == "苏州工业园区")!["share"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/plan-targets/999999/districts", Ct)).StatusCode);
    }
}

public sealed class SqliteTargetDistrictsTests(TestApp<SqliteTarget> app) : TargetDistrictsTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresTargetDistrictsTests(TestApp<PostgresTarget> app) : TargetDistrictsTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
