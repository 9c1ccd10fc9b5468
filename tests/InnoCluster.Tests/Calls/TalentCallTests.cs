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
/// A talent programme's round through the API: the firm puts a person forward (name, position, field and its chain
/// node), is refused until it has; the expert who bears the candidate's name steps aside, and the expert whose
/// field is the candidate's is the one assigned; the 公示 names the person.
/// </summary>
public abstract class TalentCallTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected TalentCallTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonNode> OkAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected = HttpStatusCode.OK) => sending.AnsweredAsync(expected);

    [Fact]
    public async Task ACandidate_IsPutForward_JudgedByTheExpertInTheirField_AndNamedInThePublicNotice()
    {
        var (_, firm) = await CallParties.FirmAsync(_app, "人才申报企业");
        var office = await CallParties.OfficeAsync(_app);
        var experts = await CallParties.OnlyExpertsAsync(_app, office, ("王立", "某大学王立", ["speech"]), ("赵航", "某大学赵航", ["robotics"]), ("李清", "某大学李清", ["speech"]));

        var now = _app.Clock.GetUtcNow();
        var callId = (await OkAsync(office.PostAsJsonAsync("/api/calls", new
        {
            title = "顶尖人才申报", kind = "Selection", programme = "Talent", level = "市", year = 2026,
            rubric = new[] { new { key = "merit", label = "学术水平", weight = 100, max = 10 } },
            opensAt = CallTime.Written(now.AddHours(-1)), closesAt = CallTime.Written(now.AddDays(5)), expertsPerApplication = 1, publicityDays = 5,
        }, Ct), HttpStatusCode.Created))["id"]!.GetValue<int>();
        await OkAsync(office.PostAsync($"/api/calls/{callId}/publish", null, Ct));
        var id = (await OkAsync(firm.PostAsJsonAsync($"/api/calls/{callId}/applications", new { projectTitle = "语音大模型团队负责人" }, Ct), HttpStatusCode.Created))["id"]!.GetValue<int>();

        // Submitting without the person is refused part by part; an unknown chain node is refused by name.
        using (var refused = await firm.PostAsync($"/api/applications/{id}/submit", null, Ct))
        {
            var problems = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.All(new[] { "candidate.name", "candidate.position", "candidate.field" }, key => Assert.Contains(key, problems, StringComparison.Ordinal));
        }

        using (var unknown = await firm.PutAsJsonAsync($"/api/applications/{id}", new { candidate = new { name = "王立", position = "首席科学家", field = "语音识别", chainNode = "no-such-node" } }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("candidate.chainNode", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var saved = await OkAsync(firm.PutAsJsonAsync($"/api/applications/{id}", new { candidate = new { name = "王立", position = "首席科学家", field = "语音识别", chainNode = "speech" } }, Ct));
        Assert.Equal(("王立", "speech"), (saved["candidate"]!["name"]!.GetValue<string>(), saved["candidate"]!["chainNode"]!.GetValue<string>()));
        // The firm's page for its draft asks for the person, filled with what it saved.
        var draftPage = await firm.GetStringAsync($"/calls/applications/{id}", Ct);
        Assert.Contains("申报人才", draftPage, StringComparison.Ordinal);
        Assert.Contains("value=\"首席科学家\"", draftPage, StringComparison.Ordinal);
        await OkAsync(firm.PostAsync($"/api/applications/{id}/submit", null, Ct));
        await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/check", new { accept = true }, Ct));

        // The namesake steps aside; of the other two, the one whose field is speech reviews.
        _app.Clock.Advance(TimeSpan.FromDays(6));
        var assigned = await OkAsync(office.PostAsync($"/api/calls/{callId}/assignments", null, Ct));
        Assert.Equal((1, 1), (assigned["assigned"]!.GetValue<int>(), assigned["recusals"]!.GetValue<int>()));
        Assert.Contains("同名", (await OkAsync(experts["王立"].GetAsync("/api/me/reviews", Ct))).AsArray().Single()!["recusalReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await experts["赵航"].GetAsync($"/api/applications/{id}", Ct)).StatusCode);
        var reviewed = await OkAsync(experts["李清"].GetAsync($"/api/applications/{id}", Ct));
        Assert.Contains("首席科学家", await experts["李清"].GetStringAsync($"/calls/applications/{id}", Ct), StringComparison.Ordinal);
        Assert.Equal("首席科学家", reviewed["candidate"]!["position"]!.GetValue<string>());
        await OkAsync(experts["李清"].PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new { merit = 9 } }, Ct));

        await OkAsync(office.PostAsJsonAsync($"/api/applications/{id}/decision", new { selected = true, reason = "学术水平突出" }, Ct));
        var publicity = await OkAsync(office.PostAsync($"/api/calls/{callId}/publicity", null, Ct));
        Assert.Equal("王立", publicity["selected"]![0]!["candidate"]!.GetValue<string>());
    }
}

public sealed class SqliteTalentCallTests(TestApp<SqliteTarget> app) : TalentCallTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresTalentCallTests(TestApp<PostgresTarget> app) : TalentCallTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
