using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Calls;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Calls;

/// <summary>
/// A call from draft to result over HTTP: published, applied to with a file, returned once and corrected,
/// recommended by its 板块, reviewed by two experts (a third recused automatically), ranked, decided,
/// put to 公示 with an objection answered, and published; who sees what at each step, and the firm's mail.
/// </summary>
public abstract class CallsApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected CallsApiTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Id, string Name)> FirmAsync(string prefix, string districtCode) => await _app.WithDbAsync(async db =>
    {
        var district = await db.Set<District>().SingleAsync(d => d.Code == districtCode, Ct);
        var firm = new Enterprise { Name = prefix + Guid.NewGuid().ToString("N")[..6], DistrictId = district.Id, CreatedAt = _app.Clock.GetUtcNow(), UpdatedAt = _app.Clock.GetUtcNow() };
        db.Add(firm);
        await db.SaveChangesAsync(Ct);
        return (firm.Id, firm.Name);
    });

    private static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task<string> RefusedAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private string Beijing(TimeSpan fromNow) => CallTime.Written(_app.Clock.GetUtcNow().Add(fromNow));

    [Fact]
    public async Task TheDocumentsRounds_AreRecordedCalls_WithTheirSentences_AndNoApplicants()
    {
        var anonymous = _app.CreateClient();
        var calls = (await OkAsync(anonymous.GetAsync("/api/calls", Ct))).AsArray().Where(c => c!["status"]!.GetValue<string>() == "Recorded").ToList();
        Assert.Equal([2023, 2024, 2025], calls.Where(c => c!["programme"]!.GetValue<string>() == "DemonstrationProject").Select(c => c!["year"]!.GetValue<int>()).Order());
        Assert.Equal(
            ["ChallengeList", "DemonstrationProject", "FirstEditionSoftware", "LeadingGoose"],
            calls.Select(c => c!["programme"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(calls, c => Assert.Equal((0, "Recorded", null), (c!["applications"]!.GetValue<int>(), c["phase"]!.GetValue<string>(), (string?)c["closesAt"])));

        var goose = await OkAsync(anonymous.GetAsync($"/api/calls/{calls.Single(c => c!["programme"]!.GetValue<string>() == "LeadingGoose")!["id"]}", Ct));
        Assert.Equal((null, null), ((int?)goose["year"], (string?)goose["level"])); // "持续开展": no year is stated
        Assert.Contains("持续开展“头雁”企业及“头雁”培育企业评选工作", goose["source"]!["quote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("004_e3214cfc55401bf2.txt", goose["source"]!["source"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await (await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: (await FirmAsync("记录企业", "sip")).Id)))
            .PostAsJsonAsync($"/api/calls/{goose["id"]}/applications", new { projectTitle = "申报已结束的评选" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ACall_FromDraftToResult()
    {
        var sipId = await _app.WithDbAsync(db => db.Set<District>().Where(d => d.Code == "sip").Select(d => d.Id).SingleAsync(Ct));
        var (firmId, firmName) = await FirmAsync("示范申报企业", "sip");
        var (elsewhereId, _) = await FirmAsync("外地企业", "kunshan");
        var firmAccount = await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: firmId);
        var firm = await TestUsers.TokenClientAsync(_app, firmAccount, days: 365);
        var elsewhere = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: elsewhereId), days: 365);
        var office = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]), days: 365);
        var sip = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: "苏州工业园区管委会"), days: 365);
        var kunshan = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: "昆山市"), days: 365);
        var anonymous = _app.CreateClient();

        var input = new
        {
            title = "2026年度人工智能应用场景示范项目遴选", kind = "Selection", programme = "DemonstrationProject", level = "市", year = 2026, batch = 1,
            summary = "遴选人工智能应用场景示范项目。", responsibleUnit = "市工信局",
            conditions = new[] { new { field = "district", @operator = "in", value = "sip" }, new { field = "revenue", @operator = ">=", value = "1000万元" } },
            fields = new[] { new { key = "summary", label = "项目简介", required = true, maxLength = 500 } },
            attachments = new[] { new { key = "licence", label = "营业执照", required = true } },
            rubric = new[] { new { key = "innovation", label = "创新性", weight = 40, max = 10 }, new { key = "benefit", label = "应用成效", weight = 60, max = 10 } },
            opensAt = Beijing(TimeSpan.FromHours(-1)), closesAt = Beijing(TimeSpan.FromDays(10)), publicityDays = 7, totalQuota = 1,
            needsDistrictRecommendation = true, districtQuotas = new[] { new { districtId = sipId, quota = 1 } }, expertsPerApplication = 2,
        };
        var created = await OkAsync(office.PostAsJsonAsync("/api/calls", input, Ct), HttpStatusCode.Created);
        var callId = created["id"]!.GetValue<int>();
        Assert.Equal("Draft", created["phase"]!.GetValue<string>());
        Assert.Equal("10000000", created["conditions"]![1]!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/calls/{callId}", Ct)).StatusCode);
        Assert.Contains("closesAt", await RefusedAsync(office.PutAsJsonAsync($"/api/calls/{callId}", input with { closesAt = "下周五" }, Ct), HttpStatusCode.BadRequest), StringComparison.Ordinal);

        Assert.Equal("Open", (await OkAsync(office.PostAsync($"/api/calls/{callId}/publish", null, Ct)))["phase"]!.GetValue<string>());
        var listed = (await OkAsync(anonymous.GetAsync("/api/calls", Ct))).AsArray().Single(c => c!["id"]!.GetValue<int>() == callId)!;
        Assert.Equal("Open", listed["phase"]!.GetValue<string>());

        // The firm applies with its licence; the firm outside the 板块 is refused by the condition, with its value.
        var draft = await OkAsync(firm.PostAsJsonAsync($"/api/calls/{callId}/applications", new { projectTitle = "工厂智能质检" }, Ct), HttpStatusCode.Created);
        var id = draft["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.Conflict, (await firm.PostAsJsonAsync($"/api/calls/{callId}/applications", new { projectTitle = "再来一次" }, Ct)).StatusCode);
        Assert.Contains("files.licence", await RefusedAsync(firm.PostAsync($"/api/applications/{id}/submit", null, Ct), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray()), "file", "营业执照.pdf" } };
        var fileId = (await OkAsync(firm.PostAsync("/api/me/files", form, Ct), HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await OkAsync(firm.PutAsJsonAsync($"/api/applications/{id}", new { answers = new Dictionary<string, string> { ["summary"] = "机器视觉质检" }, files = new[] { new { key = "licence", fileId } }, partners = new[] { "苏州大学" } }, Ct));
        var submitted = await OkAsync(firm.PostAsync($"/api/applications/{id}/submit", null, Ct));
        Assert.Equal("Submitted", submitted["status"]!.GetValue<string>());
        Assert.Null(submitted["eligibility"]![1]!["holds"]); // revenue unknown: for the check to verify

        var other = await OkAsync(elsewhere.PostAsJsonAsync($"/api/calls/{callId}/applications", new { projectTitle = "外地项目" }, Ct), HttpStatusCode.Created);
        var otherId = other["id"]!.GetValue<int>();
        using var otherForm = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray()), "file", "执照.pdf" } };
        var otherFile = (await OkAsync(elsewhere.PostAsync("/api/me/files", otherForm, Ct), HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        Assert.Contains("files.licence", await RefusedAsync(elsewhere.PutAsJsonAsync($"/api/applications/{otherId}", new { files = new[] { new { key = "licence", fileId } } }, Ct), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await OkAsync(elsewhere.PutAsJsonAsync($"/api/applications/{otherId}", new { answers = new Dictionary<string, string> { ["summary"] = "外地" }, files = new[] { new { key = "licence", fileId = otherFile } } }, Ct));
        var notEligible = await RefusedAsync(elsewhere.PostAsync($"/api/applications/{otherId}/submit", null, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("eligibility", notEligible, StringComparison.Ordinal);
        Assert.Contains("昆山", notEligible, StringComparison.Ordinal);

        // Another firm and an anonymous reader never see the application or its file.
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/applications/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/applications/{id}/files/{fileId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/applications/{id}/files/{fileId}", Ct)).StatusCode);

        // 形式审查 returns it once; the firm corrects and resubmits; then it passes.
        Assert.Equal("Returned", (await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/check", new { accept = false, reason = "营业执照须加盖公章", correctionDays = 3 }, Ct)))["status"]!.GetValue<string>());
        Assert.Equal("Submitted", (await OkAsync(firm.PostAsync($"/api/applications/{id}/submit", null, Ct)))["status"]!.GetValue<string>());
        Assert.Equal("Accepted", (await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/check", new { accept = true }, Ct)))["status"]!.GetValue<string>());

        // Its 板块 recommends it; another 板块 does not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await kunshan.PostAsJsonAsync($"/api/applications/{id}/recommend", new { recommend = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kunshan.GetAsync($"/api/calls/{callId}/applications", Ct)).StatusCode);
        Assert.Single((await OkAsync(sip.GetAsync($"/api/calls/{callId}/applications", Ct))).AsArray());
        Assert.Equal("Recommended", (await OkAsync(sip.PostAsJsonAsync($"/api/applications/{id}/recommend", new { recommend = true, reason = "园区重点企业" }, Ct)))["status"]!.GetValue<string>());

        // Experts: the third works at the partner university and steps aside automatically.
        var experts = new List<(HttpClient Client, string Name)>();
        foreach (var (name, affiliation) in new[] { ("甲专家", "南京大学"), ("乙专家", "东南大学"), ("丙专家", "苏州大学") })
        {
            var account = await TestUsers.CreateAsync(_app, [Roles.Expert]);
            await OkAsync(office.PostAsJsonAsync("/api/experts", new { email = account.Email, name, affiliation, fields = Array.Empty<string>() }, Ct));
            experts.Add((await TestUsers.TokenClientAsync(_app, account, days: 365), name));
        }

        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"/api/calls/{callId}/assignments", null, Ct)).StatusCode); // still open
        _app.Clock.Advance(TimeSpan.FromDays(11));
        var assigned = await OkAsync(office.PostAsync($"/api/calls/{callId}/assignments", null, Ct));
        Assert.Equal((2, 1), (assigned["assigned"]!.GetValue<int>(), assigned["recusals"]!.GetValue<int>()));
        var (first, second, recused) = (experts[0].Client, experts[1].Client, experts[2].Client);
        Assert.Equal(HttpStatusCode.NotFound, (await recused.GetAsync($"/api/applications/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recused.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new { innovation = 9, benefit = 9 } }, Ct)).StatusCode);
        Assert.Contains("partner", (await OkAsync(recused.GetAsync("/api/me/reviews", Ct))).AsArray().Single()!["recusalReason"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Contains("scores.benefit", await RefusedAsync(first.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new { innovation = 9, benefit = 11 } }, Ct), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(78m, (await OkAsync(first.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new { innovation = 9, benefit = 7 }, comment = "场景清晰" }, Ct)))["total"]!.GetValue<decimal>());
        var blind = await OkAsync(second.GetAsync($"/api/applications/{id}", Ct));
        Assert.Equal(("乙专家", 0), (blind["reviews"]!.AsArray().Single()!["expertName"]!.GetValue<string>(), blind["reviews"]![0]!["revisions"]!.GetValue<int>()));
        Assert.Empty(blind["steps"]!.AsArray());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/applications/{id}/decision", new { selected = true, reason = "排名第一" }, Ct)).StatusCode);
        await OkAsync(second.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new { innovation = 6, benefit = 6 } }, Ct));
        var rescored = await OkAsync(first.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new { innovation = 8, benefit = 7 }, comment = "复核" }, Ct));
        Assert.Equal((74m, 2), (rescored["total"]!.GetValue<decimal>(), rescored["revisions"]!.GetValue<int>()));

        Assert.Equal(HttpStatusCode.Forbidden, (await firm.GetAsync($"/api/calls/{callId}/ranking", Ct)).StatusCode);
        var ranking = await OkAsync(office.GetAsync($"/api/calls/{callId}/ranking", Ct));
        var row = ranking["rows"]!.AsArray().Single()!;
        Assert.Equal((67m, 1, 2, 1), (row["rawMean"]!.GetValue<decimal>(), row["rank"]!.GetValue<int>(), row["scored"]!.GetValue<int>(), row["recused"]!.GetValue<int>()));

        Assert.Equal("Selected", (await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/decision", new { selected = true, reason = "综合得分第一" }, Ct)))["status"]!.GetValue<string>());
        var publicity = await OkAsync(office.PostAsync($"/api/calls/{callId}/publicity", null, Ct));
        Assert.Equal((firmName, true), (publicity["selected"]![0]!["enterpriseName"]!.GetValue<string>(), publicity["takesObjections"]!.GetValue<bool>()));
        Assert.Equal("Publicity", (await OkAsync(anonymous.GetAsync($"/api/calls/{callId}/publicity", Ct)))["phase"]!.GetValue<string>());
        var listBytes = await anonymous.GetByteArrayAsync($"/api/calls/{callId}/publicity/export", Ct);
        Assert.Equal(firmName, MiniExcelLibs.MiniExcel.Query(new MemoryStream(listBytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().Single()["企业"]);
        var rankingBytes = await office.GetByteArrayAsync($"/api/calls/{callId}/ranking/export", Ct);
        Assert.Equal("67", MiniExcelLibs.MiniExcel.Query(new MemoryStream(rankingBytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().Single()["原始分"]?.ToString());
        var scoreRows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await office.GetByteArrayAsync($"/api/calls/{callId}/scores/export", Ct)), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, scoreRows.Count); // two reviews and one recusal
        Assert.Contains(scoreRows, r => r["专家"]?.ToString() == "甲专家" && r["创新性"]?.ToString() == "8" && r["总分"]?.ToString() == "74" && r["修改次数"]?.ToString() == "2");
        Assert.Contains(scoreRows, r => r["专家"]?.ToString() == "丙专家" && r["回避理由"]?.ToString() == "本单位为联合申报单位");

        // Anyone objects during the 公示, in their own name; the result waits for the period and the answer.
        Assert.Contains("name", await RefusedAsync(anonymous.PostAsJsonAsync($"/api/calls/{callId}/objections", new { text = "匿名" }, Ct), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var objection = await OkAsync(anonymous.PostAsJsonAsync($"/api/calls/{callId}/objections", new { applicationId = id, name = "张三", contact = "13800000000", text = "该项目尚未落地。" }, Ct), HttpStatusCode.Created);
        var listedObjection = (await OkAsync(office.GetAsync($"/api/calls/{callId}/objections", Ct))).AsArray().Single()!;
        Assert.Equal(("张三", "13800000000"), (listedObjection["filedBy"]!.GetValue<string>(), listedObjection["contact"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"/api/calls/{callId}/result", null, Ct)).StatusCode);
        _app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Contains("1 件异议", await RefusedAsync(office.PostAsync($"/api/calls/{callId}/result", null, Ct), HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsJsonAsync($"/api/calls/{callId}/objections", new { name = "李四", contact = "x", text = "晚了" }, Ct)).StatusCode);
        await OkAsync(office.PostAsJsonAsync($"/api/objections/{objection["id"]!.GetValue<int>()}/answer", new { answer = "经核查，项目已于2026年落地运行。", upheld = false }, Ct));
        Assert.Equal("Decided", (await OkAsync(office.PostAsync($"/api/calls/{callId}/result", null, Ct)))["phase"]!.GetValue<string>());
        var report = await anonymous.GetStringAsync($"/calls/{callId}/report", Ct);
        Assert.Contains(firmName, report, StringComparison.Ordinal);
        Assert.Contains("2 位，评分 2 人次，回避 1 人次", report, StringComparison.Ordinal);
        Assert.DoesNotContain("甲专家", report, StringComparison.Ordinal);

        // The firm was told at each step, by mail.
        var subjects = await _app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.To == firmAccount.Email).Select(m => m.Subject).ToListAsync(Ct));
        foreach (var step in new[] { "已提交", "退回补正", "形式审查通过", "获板块推荐", "拟入选", "申报入选" })
        {
            Assert.Contains(subjects, s => s.Contains(step, StringComparison.Ordinal));
        }

        var history = (await OkAsync(firm.GetAsync($"/api/applications/{id}", Ct)))["steps"]!.AsArray().Select(s => s!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["start", "edit", "submit", "return", "resubmit", "accept", "recommend", "select"], history);

        // The firm's user and an expert erase their personal data: their names leave the history and the pool; the scores stay.
        Assert.Equal(HttpStatusCode.NoContent, (await firm.PostAsync("/api/me/personal-data/erase", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("/api/me/personal-data/erase", null, Ct)).StatusCode);
        var erased = await OkAsync(office.GetAsync($"/api/applications/{id}", Ct));
        Assert.All(erased["steps"]!.AsArray().Where(s => s!["action"]!.GetValue<string>() is "start" or "submit"), s => Assert.Equal(CallsPersonalData.Erased, s!["actor"]!.GetValue<string>()));
        Assert.Contains(erased["reviews"]!.AsArray(), r => r!["expertName"]!.GetValue<string>() == CallsPersonalData.Erased && r["total"]!.GetValue<decimal>() == 74m);
        Assert.DoesNotContain((await OkAsync(office.GetAsync("/api/experts", Ct))).AsArray(), e => e!["name"]!.GetValue<string>() == experts[0].Name);
    }
}

public sealed class SqliteCallsApiTests(TestApp<SqliteTarget> app) : CallsApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresCallsApiTests(TestApp<PostgresTarget> app) : CallsApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
