using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.ServiceDesk;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.ServiceDesk;

/// <summary>
/// A firm's request through the desk over HTTP: filed, assigned with a co-unit, answered, extended,
/// resolved, rated 不满意 and reopened, resolved again and rated; who sees it and its contact person.
/// </summary>
public abstract class AppealApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected AppealApiTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> FirmAsync(string name) => await _app.WithDbAsync(async db =>
    {
        var firm = new InnoCluster.Features.Registry.Enterprise { Name = name + Guid.NewGuid().ToString("N")[..6], CreatedAt = _app.Clock.GetUtcNow(), UpdatedAt = _app.Clock.GetUtcNow() };
        db.Add(firm);
        await db.SaveChangesAsync(Ct);
        return firm.Id;
    });

    private static async Task<JsonObject> OkAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task ARequest_FromFilingToRating_WithItsClocksAndWhoSeesIt()
    {
        var firmId = await FirmAsync("诉求测试企业");
        // Tokens for a year: the clock is moved two months on below.
        var firm = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: firmId), days: 365);
        var desk = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]), days: 365);
        var lead = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: "市工信局"), days: 365);
        var co = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: "市科技局"));
        var other = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: "市商务局"));
        var otherFirm = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: await FirmAsync("别家企业")));

        var filed = await OkAsync(firm.PostAsJsonAsync("/api/appeals", new { topic = "研发费用补助未兑现", text = "2025年度研发费用补助至今未到账，请协调。", contactName = "王经理", contactPhone = "13912345678" }, Ct), HttpStatusCode.Created);
        var id = filed["id"]!.GetValue<int>();
        Assert.Equal(("Received", "Platform"), (filed["status"]!.GetValue<string>(), filed["channel"]!.GetValue<string>()));
        Assert.NotNull(filed["acceptDueAt"]);
        Assert.Equal("13912345678", filed["contactPhone"]!.GetValue<string>());
        Assert.False(await _app.WithDbAsync(db => db.Set<Appeal>().AnyAsync(a => a.Id == id && a.ContactPhoneProtected!.Contains("13912345678"), Ct)));

        // Someone else's firm cannot file for this one; a request needs its topic.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherFirm.PostAsJsonAsync("/api/appeals", new { topic = "冒名", text = "冒名", enterpriseId = firmId }, Ct)).StatusCode);
        using var noTopic = await firm.PostAsJsonAsync("/api/appeals", new { text = "缺主题" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noTopic.StatusCode);
        Assert.Contains("topic", await noTopic.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var board = await OkAsync(desk.GetAsync("/api/appeals?status=Received", Ct));
        Assert.Contains(board["items"]!.AsArray(), i => i!["id"]!.GetValue<int>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/appeals/{id}", Ct)).StatusCode); // not assigned yet

        var assigned = await OkAsync(desk.PostAsJsonAsync($"/api/appeals/{id}/assign", new { leadUnit = "市工信局", coUnits = new[] { "市科技局" }, theme = "政策兑现" }, Ct));
        Assert.Equal("Assigned", assigned["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync($"/api/appeals/{id}/assign", new { leadUnit = "市科技局" }, Ct)).StatusCode);

        // The co-unit sees it (and the contact) but does not handle it; an unrelated unit and firm do not see it.
        Assert.Equal("王经理", (await OkAsync(co.GetAsync($"/api/appeals/{id}", Ct)))["contactName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await co.PostAsJsonAsync($"/api/appeals/{id}/resolve", new { note = "越权办结" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/appeals/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherFirm.GetAsync($"/api/appeals/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture), (await OkAsync(other.GetAsync("/api/appeals", Ct)))["items"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains((await OkAsync(co.GetAsync("/api/appeals", Ct)))["items"]!.AsArray(), i => i!["id"]!.GetValue<int>() == id);

        await OkAsync(lead.PostAsJsonAsync($"/api/appeals/{id}/respond", new { note = "已联系企业核实情况" }, Ct));
        await OkAsync(lead.PostAsJsonAsync($"/api/appeals/{id}/extend", new { note = "需财政局复核拨付" }, Ct));
        var extended = await OkAsync(desk.PostAsJsonAsync($"/api/appeals/{id}/extension", new { approve = true, note = "同意延期" }, Ct));
        Assert.True(extended["extensionApproved"]!.GetValue<bool>());
        Assert.True(extended["resolveDueAt"]!.GetValue<DateTimeOffset>() > assigned["resolveDueAt"]!.GetValue<DateTimeOffset>());

        // Past its deadline it is on the overdue board.
        _app.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Contains((await OkAsync(desk.GetAsync("/api/appeals?overdue=true", Ct)))["items"]!.AsArray(), i => i!["id"]!.GetValue<int>() == id);

        await OkAsync(lead.PostAsJsonAsync($"/api/appeals/{id}/resolve", new { note = "已协调财政局拨付" }, Ct));
        var reopened = await OkAsync(firm.PostAsJsonAsync($"/api/appeals/{id}/reopen", new { note = "只拨付了一半" }, Ct));
        Assert.Equal(("InProgress", 1), (reopened["status"]!.GetValue<string>(), reopened["reopened"]!.GetValue<int>()));
        await OkAsync(lead.PostAsJsonAsync($"/api/appeals/{id}/resolve", new { note = "余款已拨付" }, Ct));
        var closed = await OkAsync(firm.PostAsJsonAsync($"/api/appeals/{id}/rate", new { rating = "Satisfied", comment = "感谢" }, Ct));
        Assert.Equal(("Closed", "Satisfied"), (closed["status"]!.GetValue<string>(), closed["rating"]!.GetValue<string>()));
        Assert.Equal(
            ["file", "assign", "respond", "extension-requested", "extension-approved", "resolve", "reopen", "resolve", "rate"],
            closed["steps"]!.AsArray().Select(s => s!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OverdueRequests_AreEscalatedOncePerMissedDeadline_ByMailToTheDeskAndTheUnit()
    {
        var firm = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: await FirmAsync("督办测试企业")), days: 365);
        var deskAccount = await TestUsers.CreateAsync(_app, [Roles.Official]);
        var desk = await TestUsers.TokenClientAsync(_app, deskAccount, days: 365);
        var unitAccount = await TestUsers.CreateAsync(_app, [Roles.Department], department: "市数据局");
        var id = (await OkAsync(firm.PostAsJsonAsync("/api/appeals", new { topic = "数据开放申请无人受理", text = "申请公共数据开放已两周无回复。" }, Ct), HttpStatusCode.Created))["id"]!.GetValue<int>();
        Task<int> MailsAsync(string to) => _app.WithDbAsync(db => db.Set<InnoCluster.Infrastructure.Mail.OutboxMessage>().CountAsync(m => m.To == to && m.Subject.Contains($"#{id}「"), Ct));

        // Past the desk's one working day: escalated once, to the desk.
        _app.Clock.Advance(TimeSpan.FromDays(5));
        Assert.True((await OkAsync(desk.PostAsync("/api/appeals/escalate", null, Ct)))["appeals"]!.GetValue<int>() >= 1);
        Assert.Equal(1, await MailsAsync(deskAccount.Email));
        await OkAsync(desk.PostAsync("/api/appeals/escalate", null, Ct));
        Assert.Equal(1, await MailsAsync(deskAccount.Email));

        // Assigned, then past the unit's first-answer deadline: escalated again, now to the unit too.
        await OkAsync(desk.PostAsJsonAsync($"/api/appeals/{id}/assign", new { leadUnit = "市数据局" }, Ct));
        _app.Clock.Advance(TimeSpan.FromDays(7));
        await OkAsync(desk.PostAsync("/api/appeals/escalate", null, Ct));
        Assert.Equal((2, 1), (await MailsAsync(deskAccount.Email), await MailsAsync(unitAccount.Email)));
        var steps = (await OkAsync(firm.GetAsync($"/api/appeals/{id}", Ct)))["steps"]!.AsArray().Select(s => s!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["file", "escalate", "assign", "escalate"], steps);
    }

    [Fact]
    public async Task AContact_IsErased_WithTheAccount_OrByTheDeskOnRequest()
    {
        var firmId = await FirmAsync("删除测试企业");
        var account = await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: firmId);
        var firm = await TestUsers.TokenClientAsync(_app, account);
        var desk = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        var mine = (await OkAsync(firm.PostAsJsonAsync("/api/appeals", new { topic = "用地指标", text = "扩产需要新增用地。", contactName = "陈女士", contactPhone = "13700001234" }, Ct), HttpStatusCode.Created))["id"]!.GetValue<int>();
        var called = (await OkAsync(desk.PostAsJsonAsync("/api/appeals", new { topic = "12345来电", text = "咨询人才政策。", enterpriseId = firmId, channel = "Hotline12345", contactName = "来电人", contactPhone = "13600005678" }, Ct), HttpStatusCode.Created))["id"]!.GetValue<int>();

        // A 12345 caller has no account: the desk erases the contact on their request; the request stays.
        Assert.Equal(HttpStatusCode.Forbidden, (await firm.PostAsync($"/api/appeals/{called}/erase-contact", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.PostAsync($"/api/appeals/{called}/erase-contact", null, Ct)).StatusCode);
        var erased = await OkAsync(desk.GetAsync($"/api/appeals/{called}", Ct));
        Assert.Equal((null, null, "12345来电"), ((string?)erased["contactName"], (string?)erased["contactPhone"], erased["topic"]!.GetValue<string>()));

        // The firm's user erases their personal data: the contact they gave and their name in the history go.
        Assert.Equal(HttpStatusCode.NoContent, (await firm.PostAsync("/api/me/personal-data/erase", null, Ct)).StatusCode);
        var after = await OkAsync(desk.GetAsync($"/api/appeals/{mine}", Ct));
        Assert.Equal((null, null), ((string?)after["contactName"], (string?)after["contactPhone"]));
        Assert.Equal(ServiceDeskPersonalData.Erased, after["steps"]![0]!["actor"]!.GetValue<string>());
        Assert.False(await _app.WithDbAsync(db => db.Set<AppealStep>().AnyAsync(s => s.ActorName == account.Email, Ct)));
    }
}

public sealed class SqliteAppealApiTests(TestApp<SqliteTarget> app) : AppealApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresAppealApiTests(TestApp<PostgresTarget> app) : AppealApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
