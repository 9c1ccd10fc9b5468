using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Workspace;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using InnoCluster.Tests.Mail;
using InnoCluster.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Workspace;

/// <summary>
/// What the workspace brings to each reader besides policies and calls: a firm's figures wait for the office before
/// they count (and the firm reads the decision), the firm's requests to the desk, the demands its solutions fit and
/// the solutions that fit a demand its member owns (with the reasons), and a responsible unit's plan tasks and
/// requests — each through HTTP against the real database.
/// </summary>
public abstract class WorkspaceSectionsTests<TTarget>(MailTestApp<TTarget> app) : DatabaseTests<TTarget>(app)
    where TTarget : DatabaseTarget, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int serial = 74_000_000;

    private async Task<int> FirmAsync()
    {
        var code = CreditCodes.Valid(Interlocked.Increment(ref serial) + Random.Shared.Next(0, 900_000));
        return await app.WithDbAsync(async db =>
        {
            var firm = new Enterprise { Name = $"工作台分区{Guid.NewGuid():N}"[..13], CreditCode = code, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
            db.Add(firm);
            await db.SaveChangesAsync(Ct);
            return firm.Id;
        });
    }

    private async Task<HttpClient> ClientAsync(string[] roles, int? enterpriseId = null, string? department = null) =>
        await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, roles, enterpriseId: enterpriseId, department: department));

    private static async Task<JsonArray> SectionsAsync(HttpClient client) => (await client.GetJsonAsync("/api/me/workspace"))["sections"]!.AsArray();

    private static JsonObject Section(JsonArray sections, string key) =>
        Assert.IsType<JsonObject>(sections.SingleOrDefault(s => s!["key"]!.GetValue<string>() == key), exactMatch: false);

    [Fact]
    public async Task AFirmsOwnFigures_WaitForTheOffice_AndARejectionTellsTheMembersWhy()
    {
        var firm = await FirmAsync();
        var member = await ClientAsync([Roles.Enterprise], firm);
        var official = await ClientAsync([Roles.Official]);
        var year = app.Clock.GetUtcNow().Year - 1;

        using (var filed = await member.PatchAsJsonAsync($"/api/enterprises/{firm}/facts", new { year, revenue = 80_000_000m, employees = 120 }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        }

        Assert.False(await app.WithDbAsync(db => db.Set<YearlyFigure>().AnyAsync(f => f.EnterpriseId == firm, Ct)));
        var waiting = (await official.GetJsonAsync("/api/fact-changes")).AsArray().Single(c => c!["enterpriseId"]!.GetValue<int>() == firm)!;
        Assert.Equal(2, waiting["changes"]!.AsArray().Count);
        var id = waiting["id"]!.GetValue<int>();
        Assert.Contains(Section(await SectionsAsync(official), "fact-changes-waiting")["entries"]!.AsArray(), e => e!["title"]!.GetValue<string>() == waiting["enterpriseName"]!.GetValue<string>());
        Assert.DoesNotContain(await SectionsAsync(member), s => s!["key"]!.GetValue<string>() == "fact-changes-waiting");

        using (var noReason = await official.PostAsJsonAsync($"/api/fact-changes/{id}/reject", new { reason = " " }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/fact-changes/{id}/confirm", new { }, Ct)).StatusCode);
        using (var rejected = await official.PostAsJsonAsync($"/api/fact-changes/{id}/reject", new { reason = "与年报不符" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        Assert.False(await app.WithDbAsync(db => db.Set<YearlyFigure>().AnyAsync(f => f.EnterpriseId == firm, Ct)));
        var history = Assert.Single((await member.GetJsonAsync($"/api/enterprises/{firm}/fact-changes")).AsArray())!;
        Assert.Equal(("Rejected", "与年报不符"), (history["status"]!.GetValue<string>(), history["reason"]!.GetValue<string>()));
        var notice = (await member.GetJsonAsync("/api/me/notifications"))["items"]!.AsArray().Single(n => n!["kind"]!.GetValue<string>() == nameof(NoticeKind.Decision))!;
        Assert.Contains("与年报不符", notice["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain((await official.GetJsonAsync("/api/fact-changes")).AsArray(), c => c!["id"]!.GetValue<int>() == id);

        // An official's own entry counts at once, with the history kept.
        using (var entered = await official.PatchAsJsonAsync($"/api/enterprises/{firm}/facts", new { year, revenue = 60_000_000m }, Ct))
        {
            Assert.Equal("Confirmed", (await entered.Content.ReadFromJsonAsync<JsonObject>(Ct))!["status"]!.GetValue<string>());
        }

        Assert.Equal(60_000_000m, await app.WithDbAsync(db => db.Set<YearlyFigure>().Where(f => f.EnterpriseId == firm && f.Year == year).Select(f => f.Revenue).SingleAsync(Ct)));
        Assert.Equal(2, (await member.GetJsonAsync($"/api/enterprises/{firm}/fact-changes")).AsArray().Count);
    }

    [Fact]
    public async Task AFirmMember_SeesItsRequests_AndTheDemandsItsSolutionFits_WithTheReasons()
    {
        var firm = await FirmAsync();
        var member = await ClientAsync([Roles.Enterprise], firm);
        var official = await ClientAsync([Roles.Official]);
        var owner = await ClientAsync([Roles.ScenarioOwner]);
        var topic = "研发补助未到账" + Guid.NewGuid().ToString("N")[..4];
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync("/api/appeals", new { topic, text = "2025年度研发费用补助至今未到账，请协调。", contactName = "王经理", contactPhone = "13912345678" }, Ct)).StatusCode);

        var word = "焊缝" + Guid.NewGuid().ToString("N")[..4];
        using (var solution = await member.PostJsonAsync("/api/solutions", new { title = $"{word}缺陷视觉检测", description = $"深度学习{word}缺陷视觉检测，产线实时质检", capabilities = new[] { "机器视觉" }, sectors = new[] { "AI+制造" } }))
        {
            Assert.Equal(HttpStatusCode.Created, solution.StatusCode);
        }

        var demandTitle = $"{word}缺陷检测需求";
        int demandId;
        using (var demand = await owner.PostJsonAsync("/api/scenarios", new { title = demandTitle, description = $"产线{word}缺陷视觉检测，替代人工质检", sector = "AI+制造", capabilities = new[] { "机器视觉" } }))
        {
            demandId = (await demand.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
        }

        Assert.Equal(HttpStatusCode.NoContent, (await official.PostAsJsonAsync($"/api/demands/{demandId}/publish", new { sector = "AI+制造" }, Ct)).StatusCode);

        var sections = await SectionsAsync(member);
        var requests = Section(sections, "my-requests");
        Assert.Contains(requests["entries"]!.AsArray(), e => e!["title"]!.GetValue<string>() == topic);
        var match = Section(sections, "my-matches")["entries"]!.AsArray().Single(e => e!["link"]!.GetValue<string>() == $"/demands/{demandId}")!;
        Assert.Equal(demandTitle, match["title"]!.GetValue<string>());
        Assert.Contains(match["reasons"]!.AsArray(), r => r!["value"]?.GetValue<string>() == "机器视觉");

        // The demand's owner sees the firm's solution as a match for it.
        var forOwner = Section(await SectionsAsync(owner), "my-matches")["entries"]!.AsArray();
        Assert.Contains(forOwner, e => e!["title"]!.GetValue<string>().StartsWith($"{word}缺陷视觉检测 — ", StringComparison.Ordinal) && e["detail"]!.GetValue<string>() == demandTitle);

        // A firm sees only its own requests.
        var stranger = await ClientAsync([Roles.Enterprise], await FirmAsync());
        Assert.DoesNotContain(Section(await SectionsAsync(stranger), "my-requests")["entries"]!.AsArray(), e => e!["title"]!.GetValue<string>() == topic);
    }

    [Fact]
    public async Task AResponsibleUnit_SeesThePlanTasksNamingIt_AndCannotClaimAFirm()
    {
        var unit = "市工信局";
        var department = await ClientAsync([Roles.Department], department: unit);
        var named = await app.WithDbAsync(async db => (await db.Set<Features.Plans.PlanTask>().AsNoTracking().ToListAsync(Ct)).Count(t => t.Units.Contains(unit)));
        Assert.True(named > 0, "the seeded plan names 市工信局 on some tasks");

        var workspace = await department.GetJsonAsync("/api/me/workspace");
        Assert.True(workspace["actsForOffice"]!.GetValue<bool>());
        var tasks = Section(workspace["sections"]!.AsArray(), "my-tasks");
        Assert.Equal(Math.Min(named, Features.Plans.TasksWorkspaceSource.Shown), tasks["entries"]!.AsArray().Count);
        Assert.All(tasks["entries"]!.AsArray(), e => Assert.StartsWith("/plans/tasks/", e!["link"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(workspace["sections"]!.AsArray(), s => s!["key"]!.GetValue<string>() == "unit-requests");

        using var claim = new MultipartFormDataContent { { new StringContent(CreditCodes.Valid(Interlocked.Increment(ref serial))), "creditCode" } };
        using var refused = await department.PostAsync("/api/claims", claim, Ct);
        Assert.True(refused.StatusCode == HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync(Ct));

        // A firm member has no task section.
        var member = await ClientAsync([Roles.Enterprise], await FirmAsync());
        Assert.DoesNotContain(await SectionsAsync(member), s => s!["key"]!.GetValue<string>() == "my-tasks");
    }
}

public sealed class SqliteWorkspaceSectionsTests(MailTestApp<SqliteTarget> app) : WorkspaceSectionsTests<SqliteTarget>(app), IClassFixture<MailTestApp<SqliteTarget>>;

public sealed class PostgresWorkspaceSectionsTests(MailTestApp<PostgresTarget> app) : WorkspaceSectionsTests<PostgresTarget>(app), IClassFixture<MailTestApp<PostgresTarget>>;
