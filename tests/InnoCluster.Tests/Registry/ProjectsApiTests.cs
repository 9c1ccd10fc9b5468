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

/// <summary>
/// The investment-attraction pipeline: the office keeps projects and their stages in order, no one else reads
/// them, the document's project stands with its sentence and nothing the sentence leaves open, and the plan's
/// project counts and investment sums agree with direct SQL today and on a past day.
/// </summary>
public abstract class ProjectsApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected ProjectsApiTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonNode> SendAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected) => sending.AnsweredAsync(expected);

    private static object Stage(string stage, string? on = null, int? year = null) => new { stage, on, year, source = "投资协议", quote = "双方签订投资协议" };

    [Fact]
    public async Task AnOfficial_KeepsAProject_ItsStagesStayInOrder_AndOnlyTheOfficeSeesIt()
    {
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var bad = await SendAsync(office.PostAsJsonAsync("/api/projects", new { name = "", investment = -3m, chainNode = "no-such-node", district = "atlantis", investorEnterpriseId = 987654 }, Ct), HttpStatusCode.BadRequest);
        Assert.All(new[] { "name", "investment", "chainNode", "district", "investorEnterpriseId" }, f => Assert.Contains(f, bad.ToJsonString(), StringComparison.Ordinal));

        var created = await SendAsync(office.PostAsJsonAsync("/api/projects", new { name = "某智能驾驶研发总部项目", investor = "某智能驾驶公司", investorFrom = "上海", investment = 12.5m, chainNode = "compute", district = "sip", responsibleUnit = "园区投资促进局" }, Ct), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();
        Assert.Equal((12.5m, "sip", "compute", false), (created["investment"]!.GetValue<decimal>(), created["district"]!["code"]!.GetValue<string>(), created["chainNode"]!["code"]!.GetValue<string>(), created["fromSources"]!.GetValue<bool>()));
        Assert.Null(created["stage"]);

        var year = BeijingTime.Today(app.Clock).Year;
        await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Contact", year: year - 1), Ct), HttpStatusCode.OK);
        var signed = await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Contracted", on: $"{year - 1}-09-01"), Ct), HttpStatusCode.OK);
        Assert.Equal("Contracted", signed["stage"]!.GetValue<string>());
        await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Contracted", year: year), Ct), HttpStatusCode.Conflict);
        await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Started", on: $"{year - 1}-08-01"), Ct), HttpStatusCode.BadRequest); // before the signing
        await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Started", on: $"{year + 1}-01-01"), Ct), HttpStatusCode.BadRequest); // in the future
        await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", new { stage = "Started", year }, Ct), HttpStatusCode.BadRequest); // no source
        await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Negotiating", year: year), Ct), HttpStatusCode.BadRequest);
        await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Dropped", year: year), Ct), HttpStatusCode.OK);
        await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Started", year: year), Ct), HttpStatusCode.BadRequest); // nothing after it fell through

        var pipeline = await office.GetJsonAsync("/api/projects?stage=Dropped");
        Assert.Contains(pipeline["projects"]!.AsArray(), p => p!["id"]!.GetValue<int>() == id);
        Assert.Contains(pipeline["totals"]!.AsArray(), t => t!["stage"]?.GetValue<string>() == "Dropped" && t["investment"]!.GetValue<decimal>() >= 12.5m);
        await SendAsync(office.GetAsync("/api/projects?stage=7", Ct), HttpStatusCode.BadRequest);
        var paged = await office.GetJsonAsync("/api/projects?pageSize=1&page=2");
        Assert.Equal((1, 2), (paged["projects"]!.AsArray().Count, paged["page"]!.GetValue<int>()));
        Assert.True(paged["total"]!.GetValue<int>() >= 2); // this one and the document's
        Assert.Equal(paged["total"]!.GetValue<int>(), paged["totals"]!.AsArray().Sum(t => t!["projects"]!.GetValue<int>())); // the totals cover every project, not the page

        // Negotiations are the office's: a firm and the public are refused, the list and the page alike.
        var firmId = await app.WithDbAsync(db => db.Set<Enterprise>().OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct));
        var firm = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: firmId));
        Assert.Equal(HttpStatusCode.Forbidden, (await firm.GetAsync("/api/projects", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await firm.GetAsync($"/api/projects/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Started", year: year), Ct)).StatusCode);
        var page = await office.GetStringAsync($"/projects/{id}", Ct);
        Assert.Contains("园区投资促进局", page, StringComparison.Ordinal);
        Assert.Contains("双方签订投资协议", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDocumentsProject_StandsWithItsSentence_AndLeavesOpenWhatItDoesNotSay()
    {
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var seeded = (await office.GetJsonAsync("/api/projects")).AsObject()["projects"]!.AsArray().Single(p => p!["fromSources"]!.GetValue<bool>())!;
        Assert.Equal(("国产高端智算中心", "无锡高新区", "compute"), (seeded["name"]!.GetValue<string>(), seeded["place"]!.GetValue<string>(), seeded["chainNode"]!["code"]!.GetValue<string>()));
        Assert.All(new[] { "investor", "investment", "district", "responsibleUnit" }, field => Assert.Null(seeded[field]));
        var stage = Assert.Single(seeded["stages"]!.AsArray())!;
        Assert.Equal(("Contracted", 2024), (stage["stage"]!.GetValue<string>(), stage["year"]!.GetValue<int>()));
        Assert.Null(stage["day"]);
        Assert.Contains("今年年初,国产高端智算中心签约落户无锡高新区", stage["source"]!["quote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("2024-08-16", stage["source"]!["note"]!.GetValue<string>(), StringComparison.Ordinal);

        // The office adds what the sentence leaves open; what it states stays.
        var id = seeded["id"]!.GetValue<int>();
        var same = new { name = "国产高端智算中心", place = "无锡高新区", chainNode = "compute", responsibleUnit = "新吴区工信局" };
        await SendAsync(office.PutAsJsonAsync($"/api/projects/{id}", same with { name = "改过的名称" }, Ct), HttpStatusCode.BadRequest);
        var completed = await SendAsync(office.PutAsJsonAsync($"/api/projects/{id}", same, Ct), HttpStatusCode.OK);
        Assert.Equal("新吴区工信局", completed["responsibleUnit"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheTargetLists_FollowTheWeakLinks_WithWhy_AndAContactMovesATargetIntoThePipeline()
    {
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var rows = (await office.GetJsonAsync("/api/projects/targets")).AsArray();
        var weak = rows.Where(r => r!["weak"]!.GetValue<bool>()).ToList();
        Assert.NotEmpty(weak); // the seed's chain has nodes with no or few registered firms
        Assert.All(weak, r => Assert.True(r!["firms"]!.GetValue<int>() <= 2));
        var node = weak[0]!["code"]!.GetValue<string>();

        var target = await SendAsync(office.PostAsJsonAsync("/api/projects", new { name = "引进某智能芯片设计企业", investor = "某芯片设计公司", investorFrom = "深圳", chainNode = node, reason = "补齐本环节：园区尚无此类企业" }, Ct), HttpStatusCode.Created);
        var id = target["id"]!.GetValue<int>();
        Assert.Null(target["stage"]); // no stage yet: a target
        var listed = (await office.GetJsonAsync("/api/projects/targets")).AsArray().Single(r => r!["code"]?.GetValue<string>() == node)!;
        var candidate = Assert.Single(listed["targets"]!.AsArray(), t => t!["id"]!.GetValue<int>() == id)!;
        Assert.Equal(("某芯片设计公司", "补齐本环节：园区尚无此类企业"), (candidate["investor"]!.GetValue<string>(), candidate["reason"]!.GetValue<string>()));
        await SendAsync(office.PostAsJsonAsync("/api/projects", new { name = "理由过长", reason = new string('长', 501) }, Ct), HttpStatusCode.BadRequest);

        // Contacted, it leaves the target list and stands in the pipeline.
        await SendAsync(office.PostAsJsonAsync($"/api/projects/{id}/stages", Stage("Contact", year: BeijingTime.Today(app.Clock).Year), Ct), HttpStatusCode.OK);
        var after = (await office.GetJsonAsync("/api/projects/targets")).AsArray().Single(r => r!["code"]?.GetValue<string>() == node)!;
        Assert.DoesNotContain(after["targets"]!.AsArray(), t => t!["id"]!.GetValue<int>() == id);
        Assert.Contains((await office.GetJsonAsync("/api/projects?stage=Contact"))["projects"]!.AsArray(), p => p!["id"]!.GetValue<int>() == id);
        var page = await office.GetStringAsync("/projects/targets", Ct);
        Assert.Contains($"/projects/new?node={node}", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{node}\" selected", await office.GetStringAsync($"/projects/new?node={node}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProjectCounts_AgreeWithADirectSqlCount_TodayAndOnAPastDay()
    {
        var today = BeijingTime.Today(app.Clock);
        var past = new DateOnly(today.Year - 1, 6, 30);
        await app.WithDbAsync(async db =>
        {
            ProjectStageRecord At(ProjectStage stage, DateOnly? day, int year) => new() { Stage = stage, Day = day, Year = year, Source = new Provenance { Kind = ProvenanceKind.Manual, Source = "测试" }, EnteredBy = "test" };
            InvestmentProject Project(string name, decimal? investment, params ProjectStageRecord[] stages) => new() { Name = name, Investment = investment, Stages = [.. stages] };
            db.AddRange(
                Project("甲项目", 20m, At(ProjectStage.Contracted, null, today.Year - 2)),
                Project("乙项目", 15.5m, At(ProjectStage.Contact, null, today.Year - 2), At(ProjectStage.Contracted, past.AddDays(1), past.Year)),
                Project("丙项目", 3m, At(ProjectStage.Producing, null, today.Year - 3)),
                Project("丁项目", 40m, At(ProjectStage.Contracted, null, today.Year - 4), At(ProjectStage.Dropped, past.AddDays(-1), past.Year)),
                Project("戊项目", 80m, At(ProjectStage.Contact, null, today.Year - 1)),
                Project("己项目", null, At(ProjectStage.Started, past, past.Year)));
            return await db.SaveChangesAsync(Ct);
        });
        async Task<(int Target, int Plan)> TargetInAsync(params string[] units) => await app.WithDbAsync(async db => await db.Set<PlanTarget>()
            .Where(t => (t.Period == TargetPeriod.ByDeadline || t.Period == TargetPeriod.Cumulative) && units.Contains(t.Unit)).OrderBy(t => t.Id)
            .Select(t => new Tuple<int, int>(t.Id, t.PlanId)).FirstAsync(Ct) is var row ? (row.Item1, row.Item2) : default);
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var counted = await TargetInAsync("家", "个");
        var yuan = await TargetInAsync("元");
        await SendAsync(office.PutAsJsonAsync($"/api/plan-targets/{yuan.Target}/indicator", new { computed = "projects:contracted" }, Ct), HttpStatusCode.BadRequest); // a count for a sum of money
        await SendAsync(office.PutAsJsonAsync($"/api/plan-targets/{counted.Target}/indicator", new { computed = "projects:contracted/investment" }, Ct), HttpStatusCode.BadRequest);
        foreach (var (spec, select, where, (target, plan)) in new[]
        {
            ("projects:contracted", "COUNT(*)", "", counted),
            ("projects:contracted>=10", "COUNT(*)", " AND CAST(p.investment AS REAL) >= 10", counted),
            ("projects:contracted/investment", "COALESCE(SUM(p.investment), 0) * 100000000", "", yuan),
        })
        {
            await SendAsync(office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = spec }, Ct), HttpStatusCode.NoContent);
            foreach (var (day, asOf) in new[] { (today, (DateOnly?)null), (past, past) })
            {
                var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                string Reached(string stages) => $"EXISTS (SELECT 1 FROM investment_project_stages s WHERE s.project_id = p.id AND s.stage IN ({stages}) AND (s.\"day\" <= '{d}' OR (s.\"day\" IS NULL AND s.year <= {day.Year})))";
                var sql = $"SELECT CAST({select} AS NUMERIC) AS \"Value\" FROM investment_projects p WHERE {Reached("'Contracted', 'Started', 'Producing'")} AND NOT {Reached("'Dropped'")}{where}";
                var direct = await app.WithDbAsync(db => db.Database.SqlQueryRaw<decimal>(sql).SingleAsync(Ct));
                var shown = (await office.GetJsonAsync($"/api/plans/{plan}/targets" + (asOf is { } a ? $"?asOf={a:yyyy-MM-dd}" : ""))).AsArray().Single(t => t!["id"]!.GetValue<int>() == target)!["latestValue"]?.GetValue<decimal>() ?? 0m;
                Assert.True(direct == shown, $"{spec} on {d}: SQL {direct}, platform {shown}");
            }
        }

        // Today: 甲, 乙 (signed the day after the past day), 丙 (producing) and 己 (started) count as signed or further; 丁 fell through, 戊 is only in contact.
        // On the past day 乙 had not signed yet and 丁 had already fallen through.
        Assert.Equal(["丙项目", "乙项目", "己项目", "甲项目"], (await app.WithDbAsync(db => db.Set<InvestmentProject>().Where(InvestmentProject.ReachedOn(ProjectStage.Contracted, today)).Select(p => p.Name).ToListAsync(Ct))).Where(n => n.Length == 3).Order(StringComparer.Ordinal));
        Assert.Equal(["丙项目", "己项目", "甲项目"], (await app.WithDbAsync(db => db.Set<InvestmentProject>().Where(InvestmentProject.ReachedOn(ProjectStage.Contracted, past)).Select(p => p.Name).ToListAsync(Ct))).Where(n => n.Length == 3).Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteProjectsApiTests(TestApp<SqliteTarget> app) : ProjectsApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresProjectsApiTests(TestApp<PostgresTarget> app) : ProjectsApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
