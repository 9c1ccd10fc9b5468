using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Calls;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Calls;

/// <summary>
/// What a published result writes into the record. A round that recommends upward (江苏省首版次软件): the
/// city's result is its recommendation; what counts towards the plan's target 5个省级首版次软件 is what the
/// province approved, recorded by the office with its notice. A 头雁 round: each selected firm holds the 头雁
/// tier, with the call as its source, and the registry counts it.
/// </summary>
public abstract class CallResultTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected CallResultTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonNode> OkAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.OK) => sending.AnsweredAsync(expected);

    /// <summary>One firm applies to a call written by <paramref name="call"/>, one expert scores it, it is selected, the 公示 runs and the result is published.</summary>
    private async Task<(int CallId, int ApplicationId, int FirmId, HttpClient Office)> RunToResultAsync(Func<DateTimeOffset, object> call, string firmName)
    {
        var (firmId, firm) = await CallParties.FirmAsync(_app, firmName);
        var office = await CallParties.OfficeAsync(_app);
        // This round's expert is the only one in the pool, so they are the one assigned.
        var expert = (await CallParties.OnlyExpertsAsync(_app, office, ("结果测试专家", "南京大学", [])))["结果测试专家"];

        var callId = (await OkAsync(office.PostAsJsonAsync("/api/calls", call(_app.Clock.GetUtcNow()), Ct), HttpStatusCode.Created))["id"]!.GetValue<int>();
        await OkAsync(office.PostAsync($"/api/calls/{callId}/publish", null, Ct));
        var id = (await OkAsync(firm.PostAsJsonAsync($"/api/calls/{callId}/applications", new { projectTitle = "结果测试项目" }, Ct), HttpStatusCode.Created))["id"]!.GetValue<int>();
        await OkAsync(firm.PostAsync($"/api/applications/{id}/submit", null, Ct));
        await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/check", new { accept = true }, Ct));
        _app.Clock.Advance(TimeSpan.FromDays(6));
        await OkAsync(office.PostAsync($"/api/calls/{callId}/assignments", null, Ct));
        await OkAsync(expert.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new { maturity = 8 } }, Ct));
        await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/decision", new { selected = true, reason = "推荐" }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/applications/{id}/upward-result", new { approved = true, decidedOn = "2026-01-01", note = "尚未公布结果" }, Ct)).StatusCode);
        await OkAsync(office.PostAsync($"/api/calls/{callId}/publicity", null, Ct));
        _app.Clock.Advance(TimeSpan.FromDays(6));
        await OkAsync(office.PostAsync($"/api/calls/{callId}/result", null, Ct));
        return (callId, id, firmId, office);
    }

    private static object Rubric => new[] { new { key = "maturity", label = "成熟度", weight = 100, max = 10 } };

    [Fact]
    public async Task AHeadGooseSelection_BecomesTheFirmsTier_WithTheCallAsSource()
    {
        var (callId, _, firmId, office) = await RunToResultAsync(now => new
        {
            title = "头雁企业评选", kind = "Award", programme = "LeadingGoose", level = "市", year = 2026, rubric = Rubric,
            opensAt = CallTime.Written(now.AddHours(-1)), closesAt = CallTime.Written(now.AddDays(5)), expertsPerApplication = 1, publicityDays = 5,
        }, "头雁评选企业");
        var tier = await _app.WithDbAsync(db => db.Set<EnterpriseTier>().SingleAsync(t => t.EnterpriseId == firmId, Ct));
        Assert.Equal((Tier.LeadGoose, TierLevel.Municipal, 2026, $"/calls/{callId}", "头雁企业评选"), (tier.Tier, tier.Level, tier.Year, tier.Source!.Locator, tier.Source.Source));
        var listed = await OkAsync(office.GetAsync("/api/enterprises?tier=lead-goose&pageSize=100", Ct));
        Assert.Contains(listed["items"]!.AsArray(), e => e!["id"]!.GetValue<int>() == firmId);
    }

    [Fact]
    public async Task ADemonstrationProjectSelection_JoinsTheCaseCollection_LandedOnTheDayItWasSelected()
    {
        var (callId, _, firmId, office) = await RunToResultAsync(now => new
        {
            title = "苏州市人工智能应用场景示范项目遴选", kind = "Selection", programme = "DemonstrationProject", level = "市", year = 2026, rubric = Rubric,
            opensAt = CallTime.Written(now.AddHours(-1)), closesAt = CallTime.Written(now.AddDays(5)), expertsPerApplication = 1, publicityDays = 5,
        }, "示范项目企业");
        var today = InnoCluster.Infrastructure.BeijingTime.Today(_app.Clock);

        // The case is public, delivered by the selected firm, a demonstration, sourced to the call; what a selection does not say stays empty.
        var cases = (await OkAsync(_app.CreateClient().GetAsync("/api/scenarios/cases", Ct))).AsArray();
        var shown = Assert.Single(cases, c => c!["vendorId"]?.GetValue<int?>() == firmId)!;
        Assert.Equal(("结果测试项目", true, $"/calls/{callId}", "苏州市人工智能应用场景示范项目遴选"),
            (shown["scenario"]!.GetValue<string>(), shown["demonstration"]!.GetValue<bool>(), shown["sourceLink"]!.GetValue<string>(), shown["source"]!.GetValue<string>()));
        Assert.Null(shown["owner"]);
        Assert.Null(shown["sector"]);
        Assert.Equal(InnoCluster.Features.Scenarios.RecordDemonstrationCase.LandedOnSelection, shown["notes"]!.GetValue<string>());
        var demand = await OkAsync(_app.CreateClient().GetAsync($"/api/demands/{shown["demandId"]!.GetValue<int>()}", Ct));
        Assert.Contains("入选苏州市人工智能应用场景示范项目遴选（2026年）", demand["problem"]!.GetValue<string>(), StringComparison.Ordinal);

        // The firm's public track record lists the landed demonstration and the call it was selected in.
        var record = (await OkAsync(_app.CreateClient().GetAsync($"/api/enterprises/{firmId}/track-record", Ct))).AsArray();
        Assert.Equal(
            [("人工智能应用场景示范项目 · 入选", "结果测试项目", $"/calls/{callId}", today), ("场景落地 · 示范项目", "结果测试项目", $"/demands/{shown["demandId"]!.GetValue<int>()}", today)],
            record.Select(i => (i!["kind"]!.GetValue<string>(), i["title"]!.GetValue<string>(), i["link"]!.GetValue<string>(), DateOnly.Parse(i["on"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))).OrderBy(i => i.Item3, StringComparer.Ordinal).ToList());

        // The plan counts it among landed pairs and demonstration projects from that day on, and among the call's selections.
        var (target, plan) = await _app.WithDbAsync(async db => await db.Set<InnoCluster.Features.Plans.PlanTarget>().Where(t => t.Name.Contains("示范项目") && t.Period == InnoCluster.Features.Plans.TargetPeriod.Cumulative).Select(t => new Tuple<int, int>(t.Id, t.PlanId)).FirstAsync(Ct) is var row ? (row.Item1, row.Item2) : default);
        foreach (var spec in new[] { "scenarios:demonstration", "scenarios:landed", "calls:demonstration-project" })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = spec }, Ct)).StatusCode);
            var now = (await OkAsync(office.GetAsync($"/api/plans/{plan}/targets?asOf={today:yyyy-MM-dd}", Ct))).AsArray().Single(t => t!["id"]!.GetValue<int>() == target)!["latestValue"]!.GetValue<decimal>();
            var before = (await OkAsync(office.GetAsync($"/api/plans/{plan}/targets?asOf={today.AddDays(-1):yyyy-MM-dd}", Ct))).AsArray().Single(t => t!["id"]!.GetValue<int>() == target)!["latestValue"]!.GetValue<decimal>();
            Assert.True(now == before + 1, $"{spec}: {before} the day before, {now} on the day");
        }

        // The yearly target (每年度 20个左右) counts the results of the year only; it cannot count a standing number of firms.
        var yearly = await _app.WithDbAsync(db => db.Set<InnoCluster.Features.Plans.PlanTarget>().Where(t => t.Name.Contains("示范项目") && t.Period == InnoCluster.Features.Plans.TargetPeriod.Annual).Select(t => t.Id).FirstAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PutAsJsonAsync($"/api/plan-targets/{yearly}/indicator", new { computed = "tiers:lead-goose" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/plan-targets/{yearly}/indicator", new { computed = "calls:demonstration-project" }, Ct)).StatusCode);
        async Task<(decimal Yearly, decimal Cumulative)> CountsAsync() =>
            ((await OkAsync(office.GetAsync($"/api/plan-targets/{yearly}", Ct)))["target"]!["latestValue"]!.GetValue<decimal>(),
             (await OkAsync(office.GetAsync($"/api/plan-targets/{target}", Ct)))["target"]!["latestValue"]!.GetValue<decimal>());
        var (thisYear, total) = await CountsAsync();
        Assert.True(thisYear >= 1 && total >= thisYear, $"{thisYear} this year, {total} in all");
        await _app.WithDbAsync(db => db.Set<Call>().Where(c => c.Id == callId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.DecidedAt, InnoCluster.Infrastructure.BeijingTime.FromLocal(new DateTime(today.Year - 1, 12, 31, 12, 0, 0, DateTimeKind.Unspecified))), Ct));
        Assert.Equal((thisYear - 1, total), await CountsAsync());
    }

    [Fact]
    public async Task TheProvincesApproval_CountsTowardsThePlanTarget()
    {
        var (callId, id, firmId, office) = await RunToResultAsync(now => new
        {
            title = "江苏省重点领域首版次软件产品推荐", kind = "UpwardRecommendation", programme = "FirstEditionSoftware", level = "省", year = now.Year, rubric = Rubric,
            opensAt = CallTime.Written(now.AddHours(-1)), closesAt = CallTime.Written(now.AddDays(5)), expertsPerApplication = 1, publicityDays = 5,
        }, "首版次软件企业");

        var (target, plan) = await _app.WithDbAsync(async db => await db.Set<InnoCluster.Features.Plans.PlanTarget>().Where(t => t.Name.Contains("首版次软件")).Select(t => new Tuple<int, int>(t.Id, t.PlanId)).FirstAsync(Ct) is var row ? (row.Item1, row.Item2) : default);
        var proposed = await OkAsync(office.GetAsync($"/api/plan-targets/{target}", Ct));
        Assert.Equal("certifications:first-edition-software/provincial", proposed["suggested"]!["spec"]!.GetValue<string>()); // proposed from its name, not applied
        Assert.Null(proposed["computedIndicator"]);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = "calls:first-edition-software" }, Ct)).StatusCode);
        var before = (await OkAsync(office.GetAsync($"/api/plan-targets/{target}", Ct)))["target"]!;
        Assert.Equal(0m, before["latestValue"]!.GetValue<decimal>()); // recommended is not yet approved

        var today = InnoCluster.Infrastructure.BeijingTime.Today(_app.Clock);
        var refused = await office.PostAsJsonAsync($"/api/applications/{id}/upward-result", new { approved = false, decidedOn = today.AddDays(1).ToString("yyyy-MM-dd"), amount = 500000, note = "" }, Ct);
        var problems = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.All(new[] { "decidedOn", "amount", "note" }, field => Assert.Contains(field, problems, StringComparison.Ordinal));

        var recorded = await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/upward-result",
            new { approved = true, decidedOn = today.ToString("yyyy-MM-dd"), amount = 500000, note = "省工信厅关于公布江苏省重点领域首版次软件产品名单的通知" }, Ct));
        Assert.Equal((true, 500000m), (recorded["upwardApproved"]!.GetValue<bool>(), recorded["awardedAmount"]!.GetValue<decimal>()));
        var after = (await OkAsync(office.GetAsync($"/api/plan-targets/{target}", Ct)))["target"]!;
        Assert.Equal(1m, after["latestValue"]!.GetValue<decimal>());
        var yesterday = (await OkAsync(office.GetAsync($"/api/plans/{plan}/targets?asOf={today.AddDays(-1):yyyy-MM-dd}", Ct))).AsArray().Single(t => t!["id"]!.GetValue<int>() == target)!;
        Assert.Equal(0m, yesterday["latestValue"]?.GetValue<decimal>() ?? 0m);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/applications/{id}/upward-result", new { approved = true, decidedOn = today.ToString("yyyy-MM-dd"), note = "重复" }, Ct)).StatusCode);

        // The approval is the product's provincial certification, with the call as its source; the registry's count sees it.
        var certification = await _app.WithDbAsync(db => db.Set<ProductCertification>().SingleAsync(c => c.EnterpriseId == firmId, Ct));
        Assert.Equal((CertificationKind.FirstEditionSoftware, "结果测试项目", TierLevel.Provincial, today, $"/calls/{callId}"),
            (certification.Kind, certification.ProductName, certification.Level, certification.Source!.SourceDate, certification.Source.Locator));
        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = "certifications:first-edition-software/provincial" }, Ct)).StatusCode);
        Assert.Equal(1m, (await OkAsync(office.GetAsync($"/api/plan-targets/{target}", Ct)))["target"]!["latestValue"]!.GetValue<decimal>());
        var shown = await OkAsync(_app.CreateClient().GetAsync($"/api/enterprises/{firmId}/certifications", Ct));
        Assert.Equal("held", shown[0]!["standing"]!.GetValue<string>().ToLowerInvariant());
    }
}

public sealed class SqliteCallResultTests(TestApp<SqliteTarget> app) : CallResultTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresCallResultTests(TestApp<PostgresTarget> app) : CallResultTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
