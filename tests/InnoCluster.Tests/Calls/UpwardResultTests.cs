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
/// A round that recommends upward (江苏省首版次软件): the city's result is its recommendation; what counts
/// towards the plan's target 5个省级首版次软件 is what the province approved, recorded by the office with its
/// notice, and the plan target computes it from the records.
/// </summary>
public abstract class UpwardResultTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected UpwardResultTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task TheProvincesApproval_CountsTowardsThePlanTarget()
    {
        var firmId = await _app.WithDbAsync(async db =>
        {
            var firm = new Enterprise { Name = "首版次软件企业" + Guid.NewGuid().ToString("N")[..6], CreatedAt = _app.Clock.GetUtcNow(), UpdatedAt = _app.Clock.GetUtcNow() };
            db.Add(firm);
            await db.SaveChangesAsync(Ct);
            return firm.Id;
        });
        var firm = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: firmId), days: 365);
        var office = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]), days: 365);
        var expertAccount = await TestUsers.CreateAsync(_app, [Roles.Expert]);
        var expert = await TestUsers.TokenClientAsync(_app, expertAccount, days: 365);
        await OkAsync(office.PostAsJsonAsync("/api/experts", new { email = expertAccount.Email, name = "软件专家", affiliation = "南京大学" }, Ct));

        var now = _app.Clock.GetUtcNow();
        var call = await OkAsync(office.PostAsJsonAsync("/api/calls", new
        {
            title = "江苏省重点领域首版次软件产品推荐", kind = "UpwardRecommendation", programme = "FirstEditionSoftware", level = "省", year = now.Year,
            rubric = new[] { new { key = "maturity", label = "成熟度", weight = 100, max = 10 } },
            opensAt = CallTime.Written(now.AddHours(-1)), closesAt = CallTime.Written(now.AddDays(5)), expertsPerApplication = 1, publicityDays = 5,
        }, Ct), HttpStatusCode.Created);
        var callId = call["id"]!.GetValue<int>();
        await OkAsync(office.PostAsync($"/api/calls/{callId}/publish", null, Ct));
        var id = (await OkAsync(firm.PostAsJsonAsync($"/api/calls/{callId}/applications", new { projectTitle = "工业视觉检测软件V1.0" }, Ct), HttpStatusCode.Created))["id"]!.GetValue<int>();
        await OkAsync(firm.PostAsync($"/api/applications/{id}/submit", null, Ct));
        await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/check", new { accept = true }, Ct));
        _app.Clock.Advance(TimeSpan.FromDays(6));
        await OkAsync(office.PostAsync($"/api/calls/{callId}/assignments", null, Ct));
        await OkAsync(expert.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new { maturity = 8 } }, Ct));
        await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/decision", new { selected = true, reason = "推荐上报" }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/applications/{id}/upward-result", new { approved = true, decidedOn = "2026-01-01", note = "尚未公布结果" }, Ct)).StatusCode);
        await OkAsync(office.PostAsync($"/api/calls/{callId}/publicity", null, Ct));
        _app.Clock.Advance(TimeSpan.FromDays(6));
        await OkAsync(office.PostAsync($"/api/calls/{callId}/result", null, Ct));

        var (target, plan) = await _app.WithDbAsync(async db => await db.Set<InnoCluster.Features.Plans.PlanTarget>().Where(t => t.Name.Contains("首版次软件")).Select(t => new Tuple<int, int>(t.Id, t.PlanId)).FirstAsync(Ct) is var row ? (row.Item1, row.Item2) : default);
        Assert.Equal(HttpStatusCode.NoContent, (await office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = "calls:first-edition-software" }, Ct)).StatusCode);
        var before = (await OkAsync(office.GetAsync($"/api/plan-targets/{target}", Ct)))["target"]!;
        Assert.Equal(0m, before["latestValue"]!.GetValue<decimal>()); // recommended is not yet approved

        var today = DateOnly.FromDateTime(CallTime.InBeijing(_app.Clock.GetUtcNow()).DateTime);
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
    }
}

public sealed class SqliteUpwardResultTests(TestApp<SqliteTarget> app) : UpwardResultTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresUpwardResultTests(TestApp<PostgresTarget> app) : UpwardResultTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
