using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.ServiceDesk;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.ServiceDesk;

/// <summary>
/// Proposal handling over HTTP: 003 seeded as a handled proposal with its four commitments and nothing the
/// letter does not state; a new proposal registered, co-handled, drafted, signed off, sent and published as a
/// document with its disclosure record; its commitments reported on by their units; who sees what.
/// </summary>
public abstract class ProposalApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected ProposalApiTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> OkAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task TheSeededReply_IsAHandledProposal_WithItsFourCommitments_AndNothingInvented()
    {
        var office = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        var stranger = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: "市商务局"));
        var id = await _app.WithDbAsync(db => db.Set<Proposal>().Where(p => p.SeedSource!.StartsWith("003_")).Select(p => p.Id).SingleAsync(Ct));
        var letter = await _app.WithDbAsync(db => db.Set<InnoCluster.Features.Documents.Document>().Where(d => d.SeedFile!.StartsWith("003_")).Select(d => d.Id).SingleAsync(Ct));

        var seeded = await OkAsync(office.GetAsync($"/api/proposals/{id}", Ct));
        Assert.Equal(("CppccProposal", "区政协二届三次会议", 20, "袁伟"), (seeded["kind"]!.GetValue<string>(), seeded["session"]!.GetValue<string>(), seeded["number"]!.GetValue<int>(), seeded["proposer"]!.GetValue<string>()));
        Assert.Equal("关于推动无锡高新区人工智能产业高质量集聚发展的建议", seeded["title"]!.GetValue<string>());
        Assert.Equal(("Replied", "2024-07-23", "2024-08-16", "014032126/2024-01636", "新吴区工信局"), (seeded["status"]!.GetValue<string>(), seeded["repliedOn"]!.GetValue<string>(),
            seeded["publishedOn"]!.GetValue<string>(), seeded["disclosureIndex"]!.GetValue<string>(), seeded["publisher"]!.GetValue<string>()));
        Assert.Equal(letter, seeded["replyDocumentId"]!.GetValue<int>());
        Assert.Equal(("徐嘉", "15061894249"), (seeded["contactName"]!.GetValue<string>(), seeded["contactPhone"]!.GetValue<string>()));
        Assert.StartsWith("您提出的《关于推动无锡高新区", seeded["replyText"]!.GetValue<string>(), StringComparison.Ordinal);

        // What the letter does not state is empty: the class, the disclosure mode, the due date, the feedback.
        foreach (var unknown in new[] { "outcome", "disclosure", "dueOn", "signedOffBy", "proposerSatisfaction", "metOn", "text" })
        {
            Assert.True(seeded[unknown] is null, $"{unknown} should be unknown, is {seeded[unknown]}");
        }

        var commitments = seeded["commitments"]!.AsArray();
        Assert.Equal(["加强政策引领,推动产业高质量发展", "开展精准招商,强化龙头企业引领", "提高创新能力,持续攻关核心技术", "优化产业生态,营造良好发展环境"],
            commitments.Select(c => c!["title"]!.GetValue<string>()));
        Assert.All(commitments, c =>
        {
            Assert.Equal("Unknown", c!["status"]!.GetValue<string>());
            Assert.Null(c["unit"]);
            Assert.Null(c["dueOn"]);
            Assert.Empty(c["reports"]!.AsArray());
        });
        Assert.StartsWith("(一)加强政策引领", commitments[0]!["quote"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/proposals/{id}", Ct)).StatusCode);

        // The office names a unit for a commitment; that unit then sees the proposal (not its contact) and reports.
        var unitName = "新吴区工信局" + Guid.NewGuid().ToString("N")[..4];
        var unit = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: unitName));
        await OkAsync(office.PutAsJsonAsync($"/api/proposals/{id}/commitments/1", new { unit = unitName, dueOn = "2026-12-31" }, Ct));
        var seen = await OkAsync(unit.GetAsync($"/api/proposals/{id}", Ct));
        Assert.Null(seen["contactName"]);
        var reported = await OkAsync(unit.PostAsJsonAsync($"/api/proposals/{id}/commitments/1/reports", new { text = "已开展政策宣贯3场。", done = false }, Ct));
        Assert.Equal("InProgress", reported["commitments"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/proposals/{id}/commitments/2/reports", new { text = "不是本单位的", done = false }, Ct)).StatusCode);
    }

    [Fact]
    public async Task AProposal_FromRegistrationToPublishedReply_AndItsCommitments()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (leadName, coName, carrierName) = ($"区工信局{suffix}", $"区科技局{suffix}", $"区人社局{suffix}");
        var office = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        var lead = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: leadName));
        var co = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: coName));
        var carrier = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: carrierName));
        var anyFirm = await _app.WithDbAsync(db => db.Set<InnoCluster.Features.Registry.Enterprise>().OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct));
        var firm = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: anyFirm));
        var session = $"区政协二届四次会议{suffix}";

        var request = new { kind = "CppccProposal", session, number = 35, proposer = "李四", title = "关于建设人工智能公共算力平台的建议", leadUnit = leadName, coUnits = new[] { coName }, dueOn = "2026-09-30" };
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/proposals", request, Ct)).StatusCode);
        var registered = await OkAsync(office.PostAsJsonAsync("/api/proposals", request, Ct), HttpStatusCode.Created);
        var id = registered["id"]!.GetValue<int>();
        Assert.Equal("Registered", registered["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync("/api/proposals", request, Ct)).StatusCode);
        using (var missing = await office.PostAsJsonAsync("/api/proposals", new { kind = "CppccProposal", session }, Ct))
        {
            var body = await missing.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.All(new[] { "proposer", "title", "leadUnit" }, f => Assert.Contains(f, body, StringComparison.Ordinal));
        }

        await OkAsync(co.PostAsJsonAsync($"/api/proposals/{id}/opinions", new { text = "建议纳入算力券支持范围。" }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync($"/api/proposals/{id}/opinions", new { text = "主办单位不是会办单位" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carrier.GetAsync($"/api/proposals/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await firm.GetAsync($"/api/proposals/{id}", Ct)).StatusCode);

        using (var badDraft = await lead.PostAsJsonAsync($"/api/proposals/{id}/reply", new { text = "答复", commitments = new[] { new { text = "没有事项" } } }, Ct))
        {
            var body = await badDraft.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.BadRequest, badDraft.StatusCode);
            Assert.Contains("outcome", body, StringComparison.Ordinal);
            Assert.Contains("commitments[0].title", body, StringComparison.Ordinal);
        }

        var drafted = await OkAsync(lead.PostAsJsonAsync($"/api/proposals/{id}/reply", new
        {
            text = "您提出的《关于建设人工智能公共算力平台的建议》收悉。现答复如下：\n一、……\n二、下一步计划……",
            outcome = "B",
            contactName = "赵六",
            contactPhone = "13800001111",
            commitments = new object[]
            {
                new { title = "建成区级公共算力平台", text = "2026年底前建成并开放。", unit = leadName, dueOn = "2026-12-31" },
                new { title = "开展算力人才培训", unit = carrierName },
            },
        }, Ct));
        Assert.Equal(("Drafted", "B", 2), (drafted["status"]!.GetValue<string>(), drafted["outcome"]!.GetValue<string>(), drafted["commitments"]!.AsArray().Count));
        Assert.False(await _app.WithDbAsync(db => db.Set<Proposal>().AnyAsync(p => p.Id == id && p.ContactPhoneProtected!.Contains("13800001111"), Ct)));

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsync($"/api/proposals/{id}/sign-off", null, Ct)).StatusCode);
        Assert.Equal("SignedOff", (await OkAsync(office.PostAsync($"/api/proposals/{id}/sign-off", null, Ct)))["status"]!.GetValue<string>());

        using (var noRecord = await office.PostAsJsonAsync($"/api/proposals/{id}/send", new { disclosure = "Active" }, Ct))
        {
            var body = await noRecord.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.BadRequest, noRecord.StatusCode);
            Assert.All(new[] { "disclosureIndex", "publisher", "publishedOn" }, f => Assert.Contains(f, body, StringComparison.Ordinal));
        }

        var index = $"014032126/2026-{suffix}";
        var sent = await OkAsync(office.PostAsJsonAsync($"/api/proposals/{id}/send", new { repliedOn = "2026-06-20", disclosure = "Active", disclosureIndex = index, publisher = "新吴区工信局", publishedOn = "2026-06-22" }, Ct));
        Assert.Equal("Replied", sent["status"]!.GetValue<string>());
        var documentId = sent["replyDocumentId"]!.GetValue<int>();
        var document = await OkAsync(firm.GetAsync($"/api/documents/{documentId}", Ct));
        Assert.Equal(($"对{session}第35号提案的答复函", index, "2026-06-22"), (document["title"]!.GetValue<string>(), document["disclosureIndex"]!.GetValue<string>(), document["publishedOn"]!.GetValue<string>()));
        Assert.Equal("Reply", document["kind"]!.GetValue<string>());

        // The commitments' units now see it and report; the firm does not.
        var seen = await OkAsync(carrier.GetAsync($"/api/proposals/{id}", Ct));
        Assert.Null(seen["contactPhone"]);
        await OkAsync(carrier.PostAsJsonAsync($"/api/proposals/{id}/commitments/2/reports", new { text = "首期培训已完成。", done = true }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await carrier.PostAsJsonAsync($"/api/proposals/{id}/commitments/1/reports", new { text = "越权", done = true }, Ct)).StatusCode);
        var fed = await OkAsync(office.PostAsJsonAsync($"/api/proposals/{id}/feedback", new { satisfaction = "Satisfied", metOn = "2026-06-25", note = "已面商" }, Ct));
        Assert.Equal(("Satisfied", "2026-06-25"), (fed["proposerSatisfaction"]!.GetValue<string>(), fed["metOn"]!.GetValue<string>()));

        var listed = await OkAsync(carrier.GetAsync("/api/proposals", Ct));
        var row = Assert.Single(listed["items"]!.AsArray(), i => i!["id"]!.GetValue<int>() == id);
        Assert.Equal((2, 1), (row!["commitments"]!.GetValue<int>(), row["commitmentsDone"]!.GetValue<int>()));
        Assert.DoesNotContain(listed["items"]!.AsArray(), i => i!["session"]!.GetValue<string>() == "区政协二届三次会议");
    }
}

public sealed class SqliteProposalApiTests(TestApp<SqliteTarget> app) : ProposalApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;


public sealed class PostgresProposalApiTests(TestApp<PostgresTarget> app) : ProposalApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
