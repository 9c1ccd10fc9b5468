using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Plans;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Plans;

/// <summary>An official reviews the proposals read from 004: edits, confirmations and rejections survive reading the text again.</summary>
public abstract class PlanEditingTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected PlanEditingTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonNode> PlanAsync() => (await app.CreateClient().GetJsonAsync("/api/plans"))[0]!;

    private async Task<JsonArray> TargetsAsync() => (await app.CreateClient().GetJsonAsync($"/api/plans/{(await PlanAsync())["id"]}/targets")).AsArray();

    private async Task<int> TargetIdAsync(string text) => (await TargetsAsync()).Single(t => t!["targetText"]!.GetValue<string>() == text)!["id"]!.GetValue<int>();

    [Fact]
    public async Task EditsAndConfirmations_SurviveReadingTheTextAgain_AndBadEditsAreRefusedByField()
    {
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var plan = await PlanAsync();
        var document = plan["documentId"]!.GetValue<int>();
        var solutions = await TargetIdAsync("120个");

        using (var edited = await official.PutAsJsonAsync($"/api/plan-targets/{solutions}", new { name = "省级融合创新产品和解决方案", value = "不少于130个", deadline = 2025, period = "Cumulative" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        }

        foreach (var (body, field) in new (object, string)[]
        {
            (new { name = "x", value = "很多", deadline = 2025, period = "Cumulative" }, "value"),
            (new { name = "", value = "130个", deadline = 2025, period = "Cumulative" }, "name"),
            (new { name = "x", value = "130个", deadline = 1850, period = "Cumulative" }, "deadline"),
            (new { name = "x", value = "130个", deadline = (int?)null, period = "ByDeadline" }, "deadline"),
        })
        {
            using var refused = await official.PutAsJsonAsync($"/api/plan-targets/{solutions}", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains($"\"{field}\"", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // A target with reported values cannot change its unit, nor be removed.
        var firms = await TargetIdAsync("超25家");
        using (var unit = await official.PutAsJsonAsync($"/api/plan-targets/{firms}", new { name = "上市企业", value = "超25亿元", deadline = 2025, period = "ByDeadline" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unit.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await official.DeleteAsync($"/api/plan-targets/{firms}", Ct)).StatusCode);
        var labs = await TargetIdAsync("1-2家");
        Assert.Equal(HttpStatusCode.NoContent, (await official.DeleteAsync($"/api/plan-targets/{labs}", Ct)).StatusCode);

        // Units of an action, applied to its proposed tasks; a task's own units.
        var actions = await app.WithDbAsync(db => db.Set<PlanAction>().AsNoTracking().Include(a => a.Tasks).OrderBy(a => a.Number).ToListAsync(Ct));
        using (var action = await official.PutAsJsonAsync($"/api/plan-actions/{actions[8].Id}", new { units = new[] { "市工信局", "市财政局" }, applyToTasks = true }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, action.StatusCode);
        }

        var task = actions[0].Tasks.Single(t => t.Number == 4);
        Assert.Equal(HttpStatusCode.NoContent, (await official.PutAsJsonAsync($"/api/plan-tasks/{task.Id}", new { units = new[] { "市金融监管局" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await official.PutAsJsonAsync($"/api/plan-tasks/{task.Id}", new { units = Array.Empty<string>() }, Ct)).StatusCode);

        // Reading 004 again: confirmed edits stay, the removed proposal is proposed again, nothing is duplicated.
        using var again = await official.PostAsync($"/api/documents/{document}/plan", null, Ct);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var imported = (await again.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal((17, 9, 44), (imported["targets"]!.GetValue<int>(), imported["actions"]!.GetValue<int>(), imported["tasks"]!.GetValue<int>()));
        var targets = await TargetsAsync();
        var kept = targets.Single(t => t!["id"]!.GetValue<int>() == solutions)!;
        Assert.Equal((130m, "AtLeast", false), (kept["targetValue"]!.GetValue<decimal>(), kept["qualifier"]!.GetValue<string>(), kept["proposed"]!.GetValue<bool>()));
        Assert.Single(targets, t => t!["targetText"]!.GetValue<string>() == "1-2家");
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(["市工信局", "市财政局"], (await db.Set<PlanTask>().AsNoTracking().FirstAsync(t => t.ActionId == actions[8].Id, Ct)).Units);
            Assert.Equal(["市金融监管局"], (await db.Set<PlanTask>().AsNoTracking().SingleAsync(t => t.Id == task.Id, Ct)).Units);
            return 0;
        });

        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsync($"/api/plans/{plan["id"]}/confirm", null, Ct)).StatusCode);
        Assert.DoesNotContain(await TargetsAsync(), t => t!["proposed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await official.PostAsync("/api/documents/987654/plan", null, Ct)).StatusCode);
        // Once the office closes the quarter that is due, its unfiled reports are missed, not overdue, and nobody is reminded.
        var due = ReportingCalendar.LatestDue(2023, 2025, InnoCluster.Infrastructure.BeijingTime.Today(app.Clock))!.Value;
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsync($"/api/plans/{plan["id"]}/periods/{due}/close", null, Ct)).StatusCode);
        var tasks = (await official.GetJsonAsync($"/api/plans/{plan["id"]}/tasks")).AsArray();
        Assert.All(tasks, t => Assert.Null(t!["overduePeriod"]));
        Assert.All(tasks, t => Assert.True(t!["missedPeriods"]!.GetValue<int>() >= 1));
        Assert.Empty((await (await official.PostAsync($"/api/plans/{plan["id"]}/reminders", null, Ct)).Content.ReadFromJsonAsync<JsonArray>(Ct))!);

        var enterprise = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: 1));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PutAsJsonAsync($"/api/plan-targets/{solutions}", new { name = "x", value = "1个", deadline = 2025, period = "Cumulative" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task StructureAndOneTarget_ReadThroughTheApi_AsTheReviewPagesShowThem()
    {
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var plan = await PlanAsync();
        var structure = await official.GetJsonAsync($"/api/plans/{plan["id"]}/structure");
        var actions = structure["actions"]!.AsArray();
        Assert.Equal((17, 9, 44), (structure["targets"]!.AsArray().Count, actions.Count, actions.Sum(a => a!["tasks"]!.AsArray().Count)));
        Assert.Equal(Enumerable.Range(1, 9), actions.Select(a => a!["number"]!.GetValue<int>()));
        var box7 = actions.SelectMany(a => a!["tasks"]!.AsArray()).Select(t => t!["code"]!.GetValue<string>()).Where(c => c.StartsWith("7-", StringComparison.Ordinal)).ToList();
        Assert.Equal(box7.Order(StringComparer.Ordinal), box7);
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync("/api/plans/987654/structure", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/plans/{plan["id"]}/structure", Ct)).StatusCode);

        // 专栏7-2 states the "15 个以上" identifier nodes: the target's view names that task and its units.
        var nodes = await TargetIdAsync("15 个以上");
        var view = await app.CreateClient().GetJsonAsync($"/api/plan-targets/{nodes}");
        Assert.Equal(("15 个以上", "7-2"), (view["target"]!["targetText"]!.GetValue<string>(), view["task"]!["code"]!.GetValue<string>()));
        Assert.NotEmpty(view["task"]!["units"]!.AsArray());
        Assert.Equal(plan["id"]!.GetValue<int>(), view["plan"]!["id"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/plan-targets/987654", Ct)).StatusCode);
        var page = await app.CreateClient().GetStringAsync($"/plans/targets/{nodes}", Ct);
        Assert.Contains("7-2", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingADocumentWithoutTargetsOrActions_IsRefusedWithTheReason()
    {
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var news = await app.WithDbAsync(db => db.Set<InnoCluster.Features.Documents.Document>().Where(d => d.SeedFile != null && d.SeedFile.StartsWith("003_")).Select(d => d.Id).SingleAsync(Ct));
        using var refused = await official.PostAsync($"/api/documents/{news}/plan", null, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("没有找到目标或行动", System.Text.RegularExpressions.Regex.Unescape(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<ActionPlan>().AnyAsync(p => p.DocumentId == news, Ct)));
    }
}

public sealed class SqlitePlanEditingTests(TestApp<SqliteTarget> app) : PlanEditingTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresPlanEditingTests(TestApp<PostgresTarget> app) : PlanEditingTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
