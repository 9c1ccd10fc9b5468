using System.Net;
using System.Net.Http.Json;
using InnoCluster.Features.Registry;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Plans;

/// <summary>The action plan read from 004 at first start, through the API, on both databases.</summary>
public abstract class PlansApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected PlansApiTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    [Fact]
    public async Task Seed_ReadsThe004PlanWithItsTargetsAndSources()
    {
        var client = app.CreateClient();
        var plan = (await client.GetJsonAsync("/api/plans")).AsArray().Single()!;
        Assert.Equal((2023, 2025), (plan["startYear"]!.GetValue<int>(), plan["endYear"]!.GetValue<int>()));
        Assert.Equal(17, plan["targets"]!.GetValue<int>());

        var targets = (await client.GetJsonAsync($"/api/plans/{plan["id"]}/targets")).AsArray();
        var core = targets.Single(t => t!["targetText"]!.GetValue<string>() == "超过300亿元")!;
        Assert.Equal(30_000_000_000m, core["targetValue"]!.GetValue<decimal>());
        Assert.Equal(("元", "MoreThan", 2025), (core["unit"]!.GetValue<string>(), core["qualifier"]!.GetValue<string>(), core["deadline"]!.GetValue<int>()));
        Assert.Contains("核心产业规模超过300亿元", core["sources"]![0]!["quote"]!.GetValue<string>(), StringComparison.Ordinal);
        var labs = targets.Single(t => t!["targetText"]!.GetValue<string>() == "1-2家")!;
        Assert.Null(labs["latestValue"]);
        Assert.Equal("NoData", labs["status"]!.GetValue<string>());

        // 000 reports 思必驰's national open innovation platform (2023): one of the plan's "1-2个" reached.
        var platforms = targets.Single(t => t!["targetText"]!.GetValue<string>() == "1-2个")!;
        Assert.Equal((1m, "Met"), (platforms["latestValue"]!.GetValue<decimal>(), platforms["status"]!.GetValue<string>()));
        Assert.Contains(platforms["sources"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "report" && s["link"]!.GetValue<string>().Contains("#s-", StringComparison.Ordinal));

        // Reported values the seed read from 001, with their sentences: 39 listed firms and unicorns (Met).
        // No source reports the related industries' size: 001's 2300亿元 is the AI industry's revenue, another measure.
        var firms = targets.Single(t => t!["targetText"]!.GetValue<string>() == "超25家")!;
        Assert.Equal((39m, "Met"), (firms["latestValue"]!.GetValue<decimal>(), firms["status"]!.GetValue<string>()));
        Assert.Contains(firms["sources"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "report" && s["quote"]!.GetValue<string>().Contains("上市企業32家", StringComparison.Ordinal));
        var firmsPage = await app.CreateClient().GetStringAsync($"/plans/targets/{firms["id"]}", TestContext.Current.CancellationToken);
        Assert.Contains("报道 · 文件或报告所述", firmsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("登记在册", firmsPage, StringComparison.Ordinal);
        var related = targets.Single(t => t!["targetText"]!.GetValue<string>() == "超过2500亿元")!;
        Assert.Null(related["latestValue"]);
        Assert.Equal("NoData", related["status"]!.GetValue<string>());

        var annual = targets.Single(t => t!["period"]!.GetValue<string>() == "Annual")!;
        Assert.Equal((20m, "About"), (annual["targetValue"]!.GetValue<decimal>(), annual["qualifier"]!.GetValue<string>()));
        Assert.Equal(404, (int)(await client.GetAsync("/api/plans/987654/targets", TestContext.Current.CancellationToken)).StatusCode);

        var page = await client.GetStringAsync("/plans", TestContext.Current.CancellationToken);
        Assert.Contains("超过300亿元", page, StringComparison.Ordinal);
        Assert.Contains("上市企業32家", page, StringComparison.Ordinal);
        Assert.Contains("已完成", page, StringComparison.Ordinal);
    }

    private async Task<int> TargetIdAsync(string text) =>
        (await app.CreateClient().GetJsonAsync($"/api/plans/{(await app.CreateClient().GetJsonAsync("/api/plans"))[0]!["id"]}/targets")).AsArray()
            .Single(t => t!["targetText"]!.GetValue<string>() == text)!["id"]!.GetValue<int>();

    [Fact]
    public async Task ComputedIndicator_AgreesWithADirectSqlCount()
    {
        await app.WithDbAsync(async db =>
        {
            foreach (var (tier, n) in new[] { (Tier.LeadGoose, 3), (Tier.Listed, 2), (Tier.LeadGooseCandidate, 4) })
            {
                for (var i = 0; i < n; i++)
                {
                    db.Add(new Enterprise { Name = $"指标测试{tier}{i}{Guid.NewGuid():N}"[..16], Tiers = [new EnterpriseTier { Tier = tier, Year = 2024 }], CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() });
                }
            }

            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [InnoCluster.Infrastructure.Web.Roles.Official]));
        var id = await TargetIdAsync("超10家");
        using (var set = await official.PutAsJsonAsync($"/api/plan-targets/{id}/indicator", new { computed = "tiers:lead-goose,lead-goose-candidate" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        var direct = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT COUNT(DISTINCT enterprise_id) AS \"Value\" FROM enterprise_tiers WHERE tier IN ('LeadGoose', 'LeadGooseCandidate')")
            .SingleAsync(TestContext.Current.CancellationToken));
        Assert.True(direct >= 7);
        var plan = (await app.CreateClient().GetJsonAsync("/api/plans"))[0]!["id"];
        var target = (await app.CreateClient().GetJsonAsync($"/api/plans/{plan}/targets")).AsArray().Single(t => t!["id"]!.GetValue<int>() == id)!;
        Assert.Equal(direct, target["latestValue"]!.GetValue<decimal>());
        Assert.Contains(target["sources"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "computed");
        // On the page a computed count is labelled as the registry's, never as what a document reports.
        var page = await app.CreateClient().GetStringAsync($"/plans/targets/{id}", TestContext.Current.CancellationToken);
        Assert.Contains("登记在册 · 平台计算", page, StringComparison.Ordinal);
        var home = await app.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"registered-note\"", home, StringComparison.Ordinal);

        // As of the end of 2023 only tiers granted by then count (the seven added above date from 2024).
        var directThen = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT COUNT(DISTINCT enterprise_id) AS \"Value\" FROM enterprise_tiers WHERE tier IN ('LeadGoose', 'LeadGooseCandidate') AND year <= 2023")
            .SingleAsync(TestContext.Current.CancellationToken));
        var then = (await app.CreateClient().GetJsonAsync($"/api/plans/{plan}/targets?asOf=2023-12-31")).AsArray().Single(t => t!["id"]!.GetValue<int>() == id)!;
        Assert.Equal(directThen, then["latestValue"]!.GetValue<decimal>());
        Assert.True(directThen <= direct - 7);

        // Limited to firms on the AI chain (any node): the seven added above are on none.
        using (var onChain = await official.PutAsJsonAsync($"/api/plan-targets/{id}/indicator", new { computed = "tiers:lead-goose,lead-goose-candidate@*" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, onChain.StatusCode);
        }

        var directOnChain = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT COUNT(DISTINCT t.enterprise_id) AS \"Value\" FROM enterprise_tiers t JOIN enterprise_chain_links l ON l.enterprise_id = t.enterprise_id WHERE t.tier IN ('LeadGoose', 'LeadGooseCandidate')")
            .SingleAsync(TestContext.Current.CancellationToken));
        var chained = (await app.CreateClient().GetJsonAsync($"/api/plans/{plan}/targets")).AsArray().Single(t => t!["id"]!.GetValue<int>() == id)!;
        Assert.Equal(directOnChain, chained["latestValue"]!.GetValue<decimal>());
        Assert.True(directOnChain <= direct - 7);
        using (var unknownNode = await official.PutAsJsonAsync($"/api/plan-targets/{id}/indicator", new { computed = "tiers:listed@no-such-node" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownNode.StatusCode);
        }
    }

    [Fact]
    public async Task Observations_WrongUnitBadValueOrFutureDate_AreRefused_AndReportsAreKeptSideBySide()
    {
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [InnoCluster.Infrastructure.Web.Roles.Official]));
        var firms = await TargetIdAsync("20家");
        var money = await TargetIdAsync("超过300亿元");
        var ct = TestContext.Current.CancellationToken;
        foreach (var (targetId, body, field) in new (int, object, string)[]
        {
            (money, new { value = "25家", observedOn = "2024-12-31" }, "value"),
            (firms, new { value = "2300万元", observedOn = "2024-12-31" }, "value"),
            (money, new { value = "280", observedOn = "2024-12-31" }, "value"),
            (money, new { value = "280万元", observedOn = "2024-12-31" }, "value"),
            (firms, new { value = "很多", observedOn = "2024-12-31" }, "value"),
            (firms, new { value = "12家", observedOn = "2099-01-01" }, "observedOn"),
        })
        {
            using var refused = await official.PostAsJsonAsync($"/api/plan-targets/{targetId}/observations", body, ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using (var unitMismatch = await official.PutAsJsonAsync($"/api/plan-targets/{money}/indicator", new { computed = "tiers:listed" }, ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unitMismatch.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync($"/api/plan-targets/{money}/observations", new { value = "280亿元", observedOn = "2024-12-31", note = "市工信局上报" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync($"/api/plan-targets/{money}/observations", new { value = "285亿元", observedOn = "2024-12-31", note = "市工信局更正" }, ct)).StatusCode);
        var plan = (await app.CreateClient().GetJsonAsync("/api/plans"))[0]!["id"];
        var target = (await app.CreateClient().GetJsonAsync($"/api/plans/{plan}/targets")).AsArray().Single(t => t!["id"]!.GetValue<int>() == money)!;
        Assert.Equal(28_500_000_000m, target["latestValue"]!.GetValue<decimal>());
        Assert.Equal(["市工信局更正", "市工信局上报"], target["sources"]!.AsArray().Where(s => s!["kind"]!.GetValue<string>() == "report").Select(s => s!["note"]!.GetValue<string>()));
        var enterprise = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [InnoCluster.Infrastructure.Web.Roles.Enterprise], enterpriseId: 1));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/plan-targets/{money}/observations", new { value = "999亿元", observedOn = "2024-12-31" }, ct)).StatusCode);
    }
}

public sealed class SqlitePlansApiTests(TestApp<SqliteTarget> app) : PlansApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresPlansApiTests(TestApp<PostgresTarget> app) : PlansApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
