using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Plans;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Plans;

/// <summary>The plan's tasks by responsible unit and their progress reports, through the API, on both databases.</summary>
public abstract class PlanTasksTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private const string Districts = "各县级市(区)人民政府(管委会)";

    private readonly TestApp<TTarget> app;

    protected PlanTasksTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> PlanIdAsync() => (await app.CreateClient().GetJsonAsync("/api/plans"))[0]!["id"]!.GetValue<int>();

    private async Task<HttpClient> OfficialAsync() => await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));

    private async Task<JsonArray> TasksAsync(HttpClient client) => (await client.GetJsonAsync($"/api/plans/{await PlanIdAsync()}/tasks")).AsArray();

    private static int TaskId(JsonArray tasks, string code) => tasks.Single(t => t!["code"]!.GetValue<string>() == code)!["id"]!.GetValue<int>();

    [Fact]
    public async Task Seed_Reads004TasksWithTheirUnits_AndPlacesTargetsInTheirTask()
    {
        var tasks = await TasksAsync(await OfficialAsync());
        Assert.Equal(44, tasks.Count);
        var first = tasks.Single(t => t!["code"]!.GetValue<string>() == "1-1")!;
        Assert.Equal("推进精准招商服务", first["title"]!.GetValue<string>());
        Assert.Equal(["市工信局", "市发改委", "市科技局", "市金融监管局", Districts], first["units"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal((1, "龙头企业引育壮大行动"), (first["action"]!.GetValue<int>(), first["actionTitle"]!.GetValue<string>()));
        Assert.Equal(["市工信局", Districts], tasks.Single(t => t!["code"]!.GetValue<string>() == "5-2")!["units"]!.AsArray().Select(u => u!.GetValue<string>()));

        var targets = (await app.CreateClient().GetJsonAsync($"/api/plans/{await PlanIdAsync()}/targets")).AsArray();
        string? TaskOf(string text) => targets.Single(t => t!["targetText"]!.GetValue<string>() == text)!["task"]?.GetValue<string>();
        Assert.Equal(("7-2", "4-7", "8-3", null), (TaskOf("15 个以上"), TaskOf("20 个左右"), TaskOf("2-3 个"), TaskOf("超过300亿元")));

        // Nothing has been reported on the platform, so every task's latest due quarter is overdue once one is due.
        var today = InnoCluster.Infrastructure.BeijingTime.Today(app.Clock);
        var due = ReportingCalendar.LatestDue(2023, 2025, today);
        Assert.All(tasks.Where(t => t!["reports"]!.GetValue<int>() == 0), t => Assert.Equal(due?.ToString(), t!["overduePeriod"]?.GetValue<string>()));
    }

    [Fact]
    public async Task FileReport_VersionsAndClosedPeriodsAndUnits_AreEnforced()
    {
        var official = await OfficialAsync();
        var tasks = await TasksAsync(official);
        var task = TaskId(tasks, "7-2");
        var nodes = (await app.CreateClient().GetJsonAsync($"/api/plans/{await PlanIdAsync()}/targets")).AsArray()
            .Single(t => t!["targetText"]!.GetValue<string>() == "15 个以上")!["id"]!.GetValue<int>();
        var money = (await app.CreateClient().GetJsonAsync($"/api/plans/{await PlanIdAsync()}/targets")).AsArray()
            .Single(t => t!["targetText"]!.GetValue<string>() == "超过2500亿元")!["id"]!.GetValue<int>();

        using var first = await official.PostAsJsonAsync($"/api/tasks/{task}/reports", new
        {
            period = "2025-Q4",
            unit = "市工信局",
            text = "累计建成标识解析二级节点16个。",
            figures = new[] { new { targetId = nodes, value = "16个" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var filed = (await first.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal((1, "2025-Q4"), (filed["version"]!.GetValue<int>(), filed["period"]!.GetValue<string>()));
        Assert.Equal(InnoCluster.Infrastructure.BeijingTime.Today(app.Clock) > new DateOnly(2026, 1, 15), filed["late"]!.GetValue<bool>());

        // Filing again for the same period adds version 2 and keeps version 1.
        using var second = await official.PostAsJsonAsync($"/api/tasks/{task}/reports", new { period = "2025-q4", unit = "市工信局", text = "更正：累计建成17个。", figures = new[] { new { targetId = nodes, value = "17个" } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var replaced = (await second.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal((2, filed["id"]!.GetValue<int>()), (replaced["version"]!.GetValue<int>(), replaced["replaces"]!.GetValue<int>()));
        var history = (await official.GetJsonAsync($"/api/tasks/{task}/reports")).AsArray();
        Assert.Equal([(2, false), (1, true)], history.Select(r => (r!["version"]!.GetValue<int>(), r["superseded"]!.GetValue<bool>())));
        var target = (await app.CreateClient().GetJsonAsync($"/api/plans/{await PlanIdAsync()}/targets")).AsArray().Single(t => t!["id"]!.GetValue<int>() == nodes)!;
        Assert.Equal((17m, "Met"), (target["latestValue"]!.GetValue<decimal>(), target["status"]!.GetValue<string>()));
        Assert.Contains(target["sources"]!.AsArray(), s => s!["link"]?.GetValue<string>() == $"/plans/tasks/{task}#report-{replaced["id"]}");
        Assert.Null((await TasksAsync(official)).Single(t => t!["id"]!.GetValue<int>() == task)!["overduePeriod"]);

        // A closed period, a period outside the plan, a value in 万 for a 亿 target, a unit not responsible: refused by field, nothing saved.
        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsync($"/api/plans/{await PlanIdAsync()}/periods/2025-Q3/close", null, Ct)).StatusCode);
        var before = await app.WithDbAsync(db => db.Set<TaskReport>().CountAsync(Ct));
        var observationsBefore = await app.WithDbAsync(db => db.Set<IndicatorObservation>().CountAsync(Ct));
        foreach (var (body, field, words) in new (object, string, string)[]
        {
            (new { period = "2025-Q3", unit = "市工信局", text = "迟到的报告" }, "period", "已于"),
            (new { period = "2026-Q1", unit = "市工信局", text = "计划期外" }, "period", "不在计划期"),
            (new { period = "2025Q9", unit = "市工信局", text = "格式错误" }, "period", "2025-Q3"),
            (new { period = "2025-Q4", unit = "市工信局", text = "相关产业营收", figures = new[] { new { targetId = money, value = "2300万元" } } }, "figures[0].value", "万/亿"),
            (new { period = "2025-Q4", unit = "市工信局", text = "单位不对", figures = new[] { new { targetId = money, value = "2300家" } } }, "figures[0].value", "单位"),
            (new { period = "2025-Q4", unit = "市卫健委", text = "非责任单位" }, "unit", "不是任务"),
            (new { period = "2025-Q4", unit = "市工信局", text = "  " }, "text", "请填写"),
        })
        {
            using var refused = await official.PostAsJsonAsync($"/api/tasks/{task}/reports", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Contains($"\"{field}\"", problem, StringComparison.Ordinal);
            Assert.Contains(words, System.Text.RegularExpressions.Regex.Unescape(problem), StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Set<TaskReport>().CountAsync(Ct)));
        Assert.Equal(observationsBefore, await app.WithDbAsync(db => db.Set<IndicatorObservation>().CountAsync(Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await official.PostAsJsonAsync("/api/tasks/987654/reports", new { period = "2025-Q4", unit = "市工信局", text = "x" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ReportsFiledAtTheSameMoment_GetDistinctVersions_OrAClearRetry()
    {
        var official = await OfficialAsync();
        var task = TaskId(await TasksAsync(official), "9-5");
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            official.PostAsJsonAsync($"/api/tasks/{task}/reports", new { period = "2025-Q4", unit = "市工信局", text = $"同时报送的第{i}份" }, Ct)));
        var filed = 0;
        foreach (var response in responses)
        {
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    filed++;
                    continue;
                }

                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("another version was filed at the same moment", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
        }

        var versions = await app.WithDbAsync(db => db.Set<TaskReport>().Where(r => r.TaskId == task).Select(r => r.Version).OrderBy(v => v).ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(1, filed), versions);
    }

    [Fact]
    public async Task Departments_ReportForTheirOwnUnitOnTheirOwnTasksOnly()
    {
        var tasks = await TasksAsync(await OfficialAsync());
        var chainTask = TaskId(tasks, "5-1"); // 市工信局 and the districts only
        var talentTask = TaskId(tasks, "8-2"); // 市科技局 is among its units
        var science = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Department], department: "市科技局"));
        var before = await app.WithDbAsync(db => db.Set<TaskReport>().CountAsync(r => r.TaskId == chainTask, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await science.PostAsJsonAsync($"/api/tasks/{chainTask}/reports", new { period = "2025-Q4", text = "越权报送" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await science.GetAsync($"/api/tasks/{chainTask}/reports", Ct)).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<TaskReport>().CountAsync(r => r.TaskId == chainTask, Ct)));

        using var impersonating = await science.PostAsJsonAsync($"/api/tasks/{talentTask}/reports", new { period = "2025-Q4", unit = "市教育局", text = "代报" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, impersonating.StatusCode);
        Assert.Contains("\"unit\"", await impersonating.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Attachments: the department's own uploads only.
        var education = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Department], department: "市教育局"));
        var mine = await UploadAsync(science, "专业设置.pdf");
        var theirs = await UploadAsync(education, "别人的.pdf");
        using (var foreign = await science.PostAsJsonAsync($"/api/tasks/{talentTask}/reports", new { period = "2025-Q4", text = "附件不是本单位的", attachments = new[] { theirs } }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
            Assert.Contains("\"attachments\"", await foreign.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var own = await science.PostAsJsonAsync($"/api/tasks/{talentTask}/reports", new { period = "2025-Q4", text = "支持高校开设人工智能专业。", attachments = new[] { mine } }, Ct);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var history = (await science.GetJsonAsync($"/api/tasks/{talentTask}/reports")).AsArray();
        Assert.Equal("市科技局", history[0]!["unit"]!.GetValue<string>());
        Assert.Equal([mine], history[0]!["attachments"]!.AsArray().Select(a => a!.GetValue<Guid>()));

        var enterprise = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: 1));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/tasks/{talentTask}/reports", new { period = "2025-Q4", unit = "市科技局", text = "x" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Reminders_GoToEveryAccountOfAUnitWithOverdueReports_AndAreRecorded()
    {
        var official = await OfficialAsync();
        var plan = await PlanIdAsync();
        var bigData = await TestUsers.CreateAsync(app, [Roles.Department], department: "市大数据管理局");
        var outbox = Path.Combine(app.Database.DataDirectory, "outbox");
        await app.FlushMailAsync(); // what earlier tests queued has left before counting
        var before = Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml").Length : 0;

        using var sent = await official.PostAsync($"/api/plans/{plan}/reminders", null, Ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var units = (await sent.Content.ReadFromJsonAsync<JsonArray>(Ct))!;
        var due = ReportingCalendar.LatestDue(2023, 2025, InnoCluster.Infrastructure.BeijingTime.Today(app.Clock))!.Value.ToString();
        var toBigData = units.Single(u => u!["unit"]!.GetValue<string>() == "市大数据管理局")!;
        Assert.Equal((due, 1), (toBigData["period"]!.GetValue<string>(), toBigData["recipients"]!.GetValue<int>()));
        Assert.Equal(await TasksOverdueForAsync(official, "市大数据管理局"), toBigData["overdueTasks"]!.GetValue<int>());
        Assert.Contains(units, u => u!["unit"]!.GetValue<string>() == "市卫健委" && u["recipients"]!.GetValue<int>() == 0);

        await app.FlushMailAsync();
        var messages = Directory.GetFiles(outbox, "*.eml").Select(File.ReadAllText).ToList();
        Assert.Equal(before + units.Sum(u => u!["recipients"]!.GetValue<int>()), messages.Count);
        var mail = messages.Single(m => m.Contains($"To: {bigData.Email}", StringComparison.Ordinal));
        Assert.Contains("/plans/tasks/", mail, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Set<ReportReminder>().AnyAsync(r => r.PlanId == plan && r.Unit == "市大数据管理局" && r.Recipients == 1, Ct)));

        var department = await TestUsers.TokenClientAsync(app, bigData);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsync($"/api/plans/{plan}/reminders", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await official.PostAsync("/api/plans/987654/reminders", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task RemindVerb_SendsForEveryPlan_AndRefusesAnUnknownOne()
    {
        await using var scope = app.Scope();
        var verb = scope.ServiceProvider.GetServices<InnoCluster.Infrastructure.Cli.ICliVerb>().Single(v => v.Words.SequenceEqual(["remind"]));
        // --force reminds every unit with overdue reports, whatever was sent before (other tests here send some).
        var forced = new StringWriter();
        Assert.Equal(0, await verb.RunAsync(InnoCluster.Infrastructure.Cli.CliCommand.Parse(["remind", "--force"])!, scope.ServiceProvider, forced, Ct));
        Assert.Contains($"plan {await PlanIdAsync()}:", forced.ToString(), StringComparison.Ordinal);
        Assert.Contains("市卫健委", forced.ToString(), StringComparison.Ordinal);

        // Run again the same day without it: every unit was just reminded of that period, so nobody is told twice.
        var again = new StringWriter();
        Assert.Equal(0, await verb.RunAsync(InnoCluster.Infrastructure.Cli.CliCommand.Parse(["remind"])!, scope.ServiceProvider, again, Ct));
        Assert.Contains($"plan {await PlanIdAsync()}: 0 units", again.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await verb.RunAsync(InnoCluster.Infrastructure.Cli.CliCommand.Parse(["remind", "987654"])!, scope.ServiceProvider, new StringWriter(), Ct));
        Assert.Equal(2, await verb.RunAsync(InnoCluster.Infrastructure.Cli.CliCommand.Parse(["remind", "abc"])!, scope.ServiceProvider, new StringWriter(), Ct));
    }

    private async Task<int> TasksOverdueForAsync(HttpClient client, string unit) =>
        (await TasksAsync(client)).Count(t => t!["byUnit"]!.AsArray().Any(u => u!["unit"]!.GetValue<string>() == unit && u["overduePeriod"] is not null));

    [Fact]
    public async Task TheCollectiveOfDistricts_ReportsAsEachDistrict_OnItsOwn()
    {
        var official = await OfficialAsync();
        var task = TaskId(await TasksAsync(official), "5-2");
        var due = ReportingCalendar.LatestDue(2023, 2025, InnoCluster.Infrastructure.BeijingTime.Today(app.Clock))!.Value.ToString();
        var units = (await TasksAsync(official)).Single(t => t!["id"]!.GetValue<int>() == task)!["byUnit"]!.AsArray().Select(u => u!["unit"]!.GetValue<string>()).ToList();
        // 市工信局 and the ten 板块 of Suzhou (the plan's city): not the collective itself, not 无锡's district the registry also holds.
        Assert.Equal(11, units.Count);
        Assert.Equal("市工信局", units[0]);
        Assert.Contains("昆山市", units);
        Assert.Contains("苏州工业园区", units);
        Assert.DoesNotContain(Districts, units);
        Assert.DoesNotContain(units, u => u.Contains("无锡", StringComparison.Ordinal));

        // 昆山's account (its department named as its government) reports as 昆山市; 张家港 reports apart, as version 1 of its own.
        var kunshan = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Department], department: "昆山市人民政府"));
        var zhangjiagang = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Department], department: "张家港市"));
        var statistics = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Department], department: "市统计局")); // not a unit of 5-2
        var filed = await kunshan.PostAsJsonAsync($"/api/tasks/{task}/reports", new { period = due, text = "昆山市推进标识解析节点建设。" }, Ct).AnsweredAsync(HttpStatusCode.Created);
        Assert.Equal(1, filed["version"]!.GetValue<int>());
        var again = await kunshan.PostAsJsonAsync($"/api/tasks/{task}/reports", new { period = due, text = "更正。" }, Ct).AnsweredAsync(HttpStatusCode.Created);
        Assert.Equal(2, again["version"]!.GetValue<int>());
        var other = await zhangjiagang.PostAsJsonAsync($"/api/tasks/{task}/reports", new { period = due, text = "张家港市进展。" }, Ct).AnsweredAsync(HttpStatusCode.Created);
        Assert.Equal(1, other["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await statistics.PostAsJsonAsync($"/api/tasks/{task}/reports", new { period = due, text = "x" }, Ct)).StatusCode);
        await kunshan.PostAsJsonAsync($"/api/tasks/{task}/reports", new { period = due, unit = "张家港市", text = "代报" }, Ct).AnsweredAsync(HttpStatusCode.BadRequest);
        // The office files for a 板块 by its name; the collective is not one unit any more.
        await official.PostAsJsonAsync($"/api/tasks/{task}/reports", new { period = due, unit = Districts, text = "x" }, Ct).AnsweredAsync(HttpStatusCode.BadRequest);

        var reports = (await official.GetJsonAsync($"/api/tasks/{task}/reports")).AsArray();
        Assert.Equal([("张家港市", 1, false), ("昆山市", 1, true), ("昆山市", 2, false)],
            reports.Select(r => (r!["unit"]!.GetValue<string>(), r["version"]!.GetValue<int>(), r["superseded"]!.GetValue<bool>())).OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2));
        var byUnit = (await TasksAsync(official)).Single(t => t!["id"]!.GetValue<int>() == task)!["byUnit"]!.AsArray().ToDictionary(u => u!["unit"]!.GetValue<string>(), u => u!);
        Assert.Equal((2, null), (byUnit["昆山市"]["reports"]!.GetValue<int>(), byUnit["昆山市"]["overduePeriod"]?.GetValue<string>()));
        Assert.Equal(due, byUnit["相城区"]["overduePeriod"]!.GetValue<string>()); // the others still owe it
        Assert.Equal(await TasksOverdueForAsync(official, "昆山市") + 1, await TasksOverdueForAsync(official, "相城区"));
        // 昆山's workspace lists the collective's tasks as its own, each by its own part (the one it reported is not late).
        var itsTasks = (await TasksAsync(official)).Count(t => t!["byUnit"]!.AsArray().Any(u => u!["unit"]!.GetValue<string>() == "昆山市"));
        var section = (await kunshan.GetJsonAsync("/api/me/workspace"))["sections"]!.AsArray().Single(x => x!["key"]!.GetValue<string>() == "my-tasks")!;
        Assert.Contains(itsTasks.ToString(System.Globalization.CultureInfo.InvariantCulture), section["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(section["entries"]!.AsArray().Where(e => e!["link"]!.GetValue<string>() == $"/plans/tasks/{task}"), e => Assert.False(e!["late"]!.GetValue<bool>()));
        var page = await kunshan.GetStringAsync($"/plans/tasks/{task}", Ct);
        Assert.Contains("value=\"昆山市\"", page, StringComparison.Ordinal);
    }

    private static async Task<Guid> UploadAsync(HttpClient client, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray()), "file", name } };
        using var uploaded = await client.PostAsync("/api/me/files", form, Ct);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        return (await uploaded.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task ScenarioIndicator_CountsLandedPairs_AsADirectSqlCountDoes()
    {
        var official = await OfficialAsync();
        var demo = (await app.CreateClient().GetJsonAsync($"/api/plans/{await PlanIdAsync()}/targets")).AsArray()
            .Single(t => t!["targetText"]!.GetValue<string>() == "50个")!["id"]!.GetValue<int>();
        using (var set = await official.PutAsJsonAsync($"/api/plan-targets/{demo}/indicator", new { computed = "scenarios:landed" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        using (var unknown = await official.PutAsJsonAsync($"/api/plan-targets/{demo}/indicator", new { computed = "scenarios:everything" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        var direct = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM dockings WHERE stage IN ('Landed', 'Demonstration')")
            .SingleAsync(Ct));
        Assert.True(direct >= 6, $"the seed's landed cases: {direct}");
        var target = (await app.CreateClient().GetJsonAsync($"/api/plans/{await PlanIdAsync()}/targets")).AsArray().Single(t => t!["id"]!.GetValue<int>() == demo)!;
        Assert.Equal(direct, target["latestValue"]!.GetValue<decimal>());
        Assert.Contains(target["sources"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "computed" && s["link"]!.GetValue<string>() == "/scenarios");

        // As it stood at the end of 2023: the pairs that had reached landed by then, by the dates of their steps.
        // (SQLite stores instants as UTC ticks, PostgreSQL as timestamptz.)
        var endOf2023 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        object bound = typeof(TTarget) == typeof(SqliteTarget) ? endOf2023.UtcTicks : endOf2023;
        var directThen = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT COUNT(DISTINCT docking_id) AS \"Value\" FROM docking_steps WHERE stage IN ('Landed', 'Demonstration') AND at < {0}", bound)
            .SingleAsync(Ct));
        var then = (await app.CreateClient().GetJsonAsync($"/api/plans/{await PlanIdAsync()}/targets?asOf=2023-12-31")).AsArray();
        Assert.Equal(directThen, then.Single(t => t!["id"]!.GetValue<int>() == demo)!["latestValue"]!.GetValue<decimal>());
        Assert.True(directThen < direct, $"{directThen} landed by the end of 2023, {direct} now");
        var firms = then.Single(t => t!["targetText"]!.GetValue<string>() == "超25家")!;
        Assert.Equal("NoData", firms["status"]!.GetValue<string>()); // 001's 2024 figures were not yet observed
    }

    [Fact]
    public async Task IndicatorsWorkbook_AndReportPages_CarryEveryTargetAndItsSources()
    {
        var plan = await PlanIdAsync();
        using var xlsx = await app.CreateClient().GetAsync($"/api/plans/{plan}/indicators.xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var stream = await xlsx.Content.ReadAsStreamAsync(Ct);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "指标").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(17, rows.Count);
        Assert.Contains(rows, r => (string?)r["原文 As written"] == "超过300亿元" && ((string)r["目标原文 Target sentence"]!).Contains("核心产业规模超过300亿元", StringComparison.Ordinal));

        var report = await app.CreateClient().GetStringAsync($"/plans/{plan}/report", Ct);
        Assert.Contains("2025年度报告", report, StringComparison.Ordinal); // a 2023–2025 plan read in 2026: its last complete year
        Assert.Contains("进展报告", await app.CreateClient().GetStringAsync($"/plans/{plan}/report?toDate=true", Ct), StringComparison.Ordinal);

        // The same report as a Word document: A4, the sections and the notes, page numbers from Word's PAGE field.
        using var docx = await app.CreateClient().GetAsync($"/api/plans/{plan}/report.docx", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal($"annual-report-plan-{plan}-2025.docx", docx.Content.Headers.ContentDisposition?.FileNameStar ?? docx.Content.Headers.ContentDisposition?.FileName);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false))
        {
            var body = word.MainDocumentPart!.Document!.Body!;
            var text = body.InnerText;
            foreach (var part in new[] { "2025年度报告", "一、目标完成情况", "二、重点任务推进", "三、产业链图谱", "四、场景应用与案例", "注释与出处", "上市企业32家" })
            {
                Assert.Contains(part, text, StringComparison.Ordinal);
            }

            var section = body.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Single();
            Assert.Equal((11906u, 16838u), (section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Width!.Value, section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Height!.Value));
            Assert.Contains(" PAGE ", word.MainDocumentPart.FooterParts.Single().Footer!.InnerText, StringComparison.Ordinal);
            Assert.Contains(word.MainDocumentPart.HyperlinkRelationships, r => r.Uri.IsAbsoluteUri && r.Uri.AbsolutePath.StartsWith("/documents/", StringComparison.Ordinal));
        }
        foreach (var heading in new[] { "一、目标完成情况", "二、重点任务推进", "三、产业链图谱", "四、场景应用与案例", "注释与出处", "上市企业32家" }) // the report prints its sources' words in simplified script
        {
            Assert.Contains(heading, report, StringComparison.Ordinal);
        }

        // The 2023 report: the values as they stood on 31 December 2023, before 001's 2024 figures.
        var report2023 = await app.CreateClient().GetStringAsync($"/plans/{plan}/report?year=2023", Ct);
        Assert.Contains("2023年度报告", report2023, StringComparison.Ordinal);
        Assert.DoesNotContain("上市企业32家", report2023, StringComparison.Ordinal);
        Assert.Contains("39家", await app.CreateClient().GetStringAsync($"/plans/{plan}/report?year=2024", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().GetAsync($"/plans/{plan}/report?year=1800", Ct)).StatusCode);

        var districts = await app.CreateClient().GetStringAsync($"/plans/{plan}/districts", Ct);
        Assert.Contains("智能座舱", districts, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/plans/987654/report", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/plans/987654/indicators.xlsx", Ct)).StatusCode);
    }
}

public sealed class SqlitePlanTasksTests(TestApp<SqliteTarget> app) : PlanTasksTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresPlanTasksTests(TestApp<PostgresTarget> app) : PlanTasksTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
