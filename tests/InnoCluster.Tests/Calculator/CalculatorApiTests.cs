using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Calculator;
using InnoCluster.Features.Documents;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InnoCluster.Tests.Calculator;

/// <summary>The policy calculator through HTTP on a real database: clauses, eligibility, history, access.</summary>
public abstract class CalculatorApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected CalculatorApiTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> OfficialAsync() =>
        await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));

    /// <summary>A new enterprise holding the tier (from the year given) and no yearly figures, so its revenue is unknown.</summary>
    private Task<int> EnterpriseWithoutFiguresAsync(Tier tier, int? year = null) => app.WithDbAsync(async db =>
    {
        var enterprise = new Enterprise
        {
            Name = $"测试企业{Guid.NewGuid():N}"[..12],
            Tiers = [new EnterpriseTier { Tier = tier, Year = year }],
            CreatedAt = app.Clock.GetUtcNow(),
            UpdatedAt = app.Clock.GetUtcNow(),
        };
        db.Add(enterprise);
        await db.SaveChangesAsync(Ct);
        return enterprise.Id;
    });

    private static object Clause(string title, object[] conditions, decimal? cap = 2_000_000m, string status = "Confirmed") => new
    {
        title,
        method = "Award",
        cap,
        conditions,
        status,
        responsibleUnit = "市工信局",
    };

    [Fact]
    public async Task Seed_ProposesClausesFromTheSourceDocuments_WithAmountsInYuanAndTheSentence()
    {
        var official = await OfficialAsync();
        var proposed = (await official.GetJsonAsync("/api/clauses?status=Proposed")).AsArray();
        var talent = proposed.Single(c => c!["sourceQuote"]!.GetValue<string>().Contains("1億元", StringComparison.Ordinal))!;
        // 最高1亿元项目资助 and 最高1000万元购房补贴: two support items, not one summed cap.
        var items = talent["items"]!.AsArray();
        Assert.Equal([(100_000_000m, "项目资助"), (10_000_000m, "购房补贴")], items.Select(i => (i!["cap"]!.GetValue<decimal>(), i["label"]!.GetValue<string>())));
        Assert.All(items, i => Assert.Equal("Subsidy", i!["method"]!.GetValue<string>()));
        Assert.Equal("顶尖人才", talent["beneficiary"]!.GetValue<string>());
        Assert.Equal("最高1亿元项目资助；最高1,000万元购房补贴", talent["support"]!.GetValue<string>());
        Assert.Contains(talent["conditions"]!.AsArray(), c => c!["text"]!.GetValue<string>() == "个人" && c["flag"]!.GetValue<string>() == ConditionFlags.NotInRegistry);

        // The public sees no proposals; proposing again from the same document adds nothing.
        var anonymous = app.CreateClient();
        Assert.DoesNotContain((await anonymous.GetJsonAsync("/api/clauses")).AsArray(), c => c!["status"]!.GetValue<string>() == "Proposed");
        Assert.Equal(404, (int)(await anonymous.GetAsync($"/api/clauses/{talent["id"]}", Ct)).StatusCode);
        var document = talent["documentId"]!.GetValue<int>();
        using var again = await official.PostAsync($"/api/documents/{document}/clauses", null, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty((await again.Content.ReadFromJsonAsync<JsonArray>(Ct))!);
    }

    [Fact]
    public async Task ProposingAgain_RereadsProposalsNoPersonTouched_AndKeepsEditedOnes()
    {
        var official = await OfficialAsync();
        var proposed = (await official.GetJsonAsync("/api/clauses?status=Proposed")).AsArray();
        var talent = proposed.Single(c => c!["sourceQuote"]!.GetValue<string>().Contains("1億元", StringComparison.Ordinal))!;
        var document = talent["documentId"]!.GetValue<int>();
        var other = proposed.First(c => c!["documentId"] is not null && c["id"]!.GetValue<int>() != talent["id"]!.GetValue<int>())!;
        var (talentId, otherId) = (talent["id"]!.GetValue<int>(), other["id"]!.GetValue<int>());
        // What an older extractor left: one summed cap. The other proposal an official has since edited.
        await app.WithDbAsync(async db =>
        {
            foreach (var clause in await db.Set<PolicyClause>().Where(c => c.Id == talentId || c.Id == otherId).ToListAsync(Ct))
            {
                clause.Support = [new SupportTerms(SupportMethod.Subsidy, Cap: 110_000_000m)];
                clause.UpdatedBy = clause.Id == talentId ? "seed" : "official@example.org";
            }

            return await db.SaveChangesAsync(Ct);
        });

        var reread = new List<int>();
        foreach (var source in new[] { document, other["documentId"]!.GetValue<int>() }.Distinct())
        {
            using var again = await official.PostAsync($"/api/documents/{source}/clauses", null, Ct);
            reread.AddRange((await again.Content.ReadFromJsonAsync<JsonArray>(Ct))!.Select(c => c!["id"]!.GetValue<int>()));
        }

        Assert.Equal([talentId], reread);
        Assert.Equal(2, (await official.GetJsonAsync($"/api/clauses/{talentId}"))["items"]!.AsArray().Count);
        Assert.Equal(110_000_000m, Assert.Single((await official.GetJsonAsync($"/api/clauses/{otherId}"))["items"]!.AsArray())!["cap"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Calculator_MissingRevenue_IsPossiblyEligible_ThenEligibleOnceFilled_AndHistoryKeepsThePast()
    {
        var official = await OfficialAsync();
        var firm = await EnterpriseWithoutFiguresAsync(Tier.HighTech);
        using var created = await official.PostJsonAsync("/api/clauses", Clause("高新技术企业营收奖励", [new { field = "tier", @operator = "in", value = "high-tech" }, new { field = "营业收入", @operator = ">=", value = "1000万元" }]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clauseId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();

        var account = await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: firm);
        var client = await TestUsers.TokenClientAsync(app, account);
        var before = await client.GetJsonAsync($"/api/calculator/{firm}");
        var possible = before["possiblyEligible"]!.AsArray().Single(c => c!["clauseId"]!.GetValue<int>() == clauseId)!;
        Assert.Equal(["revenue"], possible["missingFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.DoesNotContain(before["notEligible"]!.AsArray(), c => c!["clauseId"]!.GetValue<int>() == clauseId);
        var createdOn = app.Clock.GetUtcNow();

        app.Clock.Advance(TimeSpan.FromDays(2));
        var year = app.Clock.GetUtcNow().Year - 1;
        int changeId;
        using (var filled = await client.PatchAsJsonAsync($"/api/enterprises/{firm}/facts", new { year, revenue = 25_000_000m }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
            var change = (await filled.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            Assert.Equal("Proposed", change["status"]!.GetValue<string>());
            changeId = change["id"]!.GetValue<int>();
        }

        // The firm's own figure waits for the office: until confirmed it decides nothing.
        var filedOnly = await client.GetJsonAsync($"/api/calculator/{firm}");
        Assert.Contains(filedOnly["possiblyEligible"]!.AsArray(), c => c!["clauseId"]!.GetValue<int>() == clauseId);
        Assert.Contains((await official.GetJsonAsync("/api/fact-changes")).AsArray(), c => c!["id"]!.GetValue<int>() == changeId);
        using (var confirmed = await official.PostAsJsonAsync($"/api/fact-changes/{changeId}/confirm", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        using (var again = await official.PostAsJsonAsync($"/api/fact-changes/{changeId}/reject", new { reason = "重复" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var history = (await client.GetJsonAsync($"/api/enterprises/{firm}/fact-changes")).AsArray();
        Assert.Equal("Confirmed", Assert.Single(history)!["status"]!.GetValue<string>());

        var after = await client.GetJsonAsync($"/api/calculator/{firm}");
        var eligible = after["eligible"]!.AsArray().Single(c => c!["clauseId"]!.GetValue<int>() == clauseId)!;
        Assert.Equal(2_000_000m, eligible["estimatedMaximum"]!.GetValue<decimal>());
        Assert.All(eligible["conditions"]!.AsArray(), c => Assert.Equal("True", c!["truth"]!.GetValue<string>()));

        // Withdrawn today: gone now, still there for a date when it was in force.
        app.Clock.Advance(TimeSpan.FromDays(2));
        using (var withdrawn = await official.DeleteAsync($"/api/clauses/{clauseId}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        var now = await client.GetJsonAsync($"/api/calculator/{firm}");
        Assert.DoesNotContain(now["eligible"]!.AsArray().Concat(now["possiblyEligible"]!.AsArray()), c => c!["clauseId"]!.GetValue<int>() == clauseId);
        var asOf = createdOn.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var then = await client.GetJsonAsync($"/api/calculator/{firm}?asOf={asOf}");
        Assert.Contains(then["eligible"]!.AsArray(), c => c!["clauseId"]!.GetValue<int>() == clauseId);
        var beforeClause = createdOn.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var earlier = await client.GetJsonAsync($"/api/calculator/{firm}?asOf={beforeClause}");
        Assert.DoesNotContain(earlier["eligible"]!.AsArray().Concat(earlier["possiblyEligible"]!.AsArray()).Concat(earlier["notEligible"]!.AsArray()), c => c!["clauseId"]!.GetValue<int>() == clauseId);
    }

    [Fact]
    public async Task Calculator_OtherEnterprise_IsRefused_AndItsFactsUnchanged()
    {
        var firm = await EnterpriseWithoutFiguresAsync(Tier.HighTech);
        var other = await EnterpriseWithoutFiguresAsync(Tier.Gazelle);
        var client = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: firm));
        Assert.Equal(403, (int)(await client.GetAsync($"/api/calculator/{other}", Ct)).StatusCode);
        using (var patch = await client.PatchAsJsonAsync($"/api/enterprises/{other}/facts", new { year = 2024, revenue = 1m }, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        }

        Assert.False(await app.WithDbAsync(db => db.Set<YearlyFigure>().AnyAsync(f => f.EnterpriseId == other, Ct)));
        Assert.Equal(401, (int)(await app.CreateClient().GetAsync($"/api/calculator/{firm}", Ct)).StatusCode);
        var scenarioOwner = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.ScenarioOwner]));
        Assert.Equal(403, (int)(await scenarioOwner.GetAsync($"/api/calculator/{firm}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Eligible_ForATierClause_AgreesWithADirectCount_AndExports()
    {
        var official = await OfficialAsync();
        var year = app.Clock.GetUtcNow().Year;
        await EnterpriseWithoutFiguresAsync(Tier.Listed, year - 3);
        await EnterpriseWithoutFiguresAsync(Tier.Listed);
        var notYet = await EnterpriseWithoutFiguresAsync(Tier.Listed, year + 1);
        using var created = await official.PostJsonAsync("/api/clauses", Clause("上市企业奖励", [new { field = "tier", @operator = "in", value = "上市企业" }], cap: 1_000_000m));
        var clauseId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
        var expected = await app.WithDbAsync(db => db.Set<EnterpriseTier>()
            .Where(t => t.Tier == Tier.Listed && (t.Year == null || t.Year <= year)).Select(t => t.EnterpriseId).Distinct().OrderBy(id => id).ToListAsync(Ct));
        Assert.True(expected.Count >= 2);
        Assert.DoesNotContain(notYet, expected);

        var result = await official.GetJsonAsync($"/api/clauses/{clauseId}/eligible");
        Assert.Equal(expected, result["eligible"]!.AsArray().Select(e => e!["enterpriseId"]!.GetValue<int>()).Order());
        Assert.Equal(await app.WithDbAsync(db => db.Set<Enterprise>().CountAsync(Ct)), result["enterprises"]!.GetValue<int>());

        using var export = await official.GetAsync($"/api/clauses/{clauseId}/eligible/export", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var rows = (await MiniExcel.QueryAsync(await export.Content.ReadAsStreamAsync(Ct), useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected.Count, rows.Count(r => (string?)r["结果"] == "符合"));

        var enterprise = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: expected[0]));
        Assert.Equal(403, (int)(await enterprise.GetAsync($"/api/clauses/{clauseId}/eligible", Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_ExtraFieldsIgnored_BadConditionsKeptAsFlaggedText()
    {
        var official = await OfficialAsync();
        using var created = await official.PostAsJsonAsync("/api/clauses", new
        {
            id = 999_999,
            revision = 42,
            ownerId = "someone",
            enterpriseId = 1,
            createdAt = "2000-01-01T00:00:00Z",
            title = "首版次软件奖励",
            method = "Award",
            amountText = "一事一议",
            conditions = new object[]
            {
                new { field = "patents", @operator = ">=", value = "3", text = "发明专利不少于3件" },
                new { field = "age", @operator = "between", value = "10..2" },
                new { field = "revenue", @operator = ">=", value = "5000万元" },
            },
            status = "Confirmed",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clause = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.NotEqual(999_999, clause["id"]!.GetValue<int>());
        Assert.Equal(1, clause["revision"]!.GetValue<int>());
        Assert.True(clause["undetermined"]!.GetValue<bool>());
        Assert.Null(Assert.Single(clause["items"]!.AsArray())!["cap"]);
        var conditions = clause["conditions"]!.AsArray();
        Assert.Equal((ConditionFlags.UnknownField, "发明专利不少于3件"), (conditions[0]!["flag"]!.GetValue<string>(), conditions[0]!["text"]!.GetValue<string>()));
        Assert.Equal(ConditionFlags.ImpossibleRange, conditions[1]!["flag"]!.GetValue<string>());
        Assert.Equal("50000000", conditions[2]!["value"]!.GetValue<string>());
        Assert.Equal("营业收入不低于5,000万元", conditions[2]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clause_WithTwoSupportItems_EstimatesTheirSum_AndTheSingleItemShorthandCannotFlattenIt()
    {
        var official = await OfficialAsync();
        var firm = await EnterpriseWithoutFiguresAsync(Tier.HighTech);
        using var created = await official.PostAsJsonAsync("/api/clauses", new
        {
            title = "顶尖人才项目资助和购房补贴",
            beneficiary = "顶尖人才",
            items = new object[]
            {
                new { method = "Subsidy", cap = 100_000_000m, label = "项目资助" },
                new { method = "Subsidy", cap = 10_000_000m, label = "购房补贴", beneficiary = "人才本人" },
                new { },
            },
            conditions = new object[] { new { field = "tier", @operator = "in", value = "high-tech" } },
            status = "Confirmed",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clause = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var id = clause["id"]!.GetValue<int>();
        Assert.Equal(2, clause["items"]!.AsArray().Count); // the blank item is dropped
        Assert.Equal("人才本人", clause["items"]![1]!["beneficiary"]!.GetValue<string>());

        var client = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: firm));
        var answer = (await client.GetJsonAsync($"/api/calculator/{firm}"))["eligible"]!.AsArray().Single(c => c!["clauseId"]!.GetValue<int>() == id)!;
        Assert.Equal(110_000_000m, answer["estimatedMaximum"]!.GetValue<decimal>());

        using var flattened = await official.PutAsJsonAsync($"/api/clauses/{id}", new { cap = 5_000_000m }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, flattened.StatusCode);
        Assert.Contains("\"items\"", await flattened.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var page = await (await TestUsers.SignInAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]))).GetStringAsync($"/clauses/{id}", Ct);
        Assert.Contains("最高1亿元项目资助", page, StringComparison.Ordinal);
        Assert.Contains("最高1,000万元购房补贴", page, StringComparison.Ordinal);
        Assert.Contains("Edit.Items[2].Method", page, StringComparison.Ordinal); // a blank row to add a third
    }

    [Theory]
    [InlineData("{\"title\":\"x\",\"validFrom\":\"2025-01-01\",\"validTo\":\"2024-01-01\"}", "validTo")]
    [InlineData("{\"title\":\"x\",\"amountText\":\"另行研究\",\"cap\":1000000}", "amount")]
    [InlineData("{\"title\":\"\"}", "title")]
    [InlineData("{\"title\":\"x\",\"method\":\"Lottery\"}", "method")]
    [InlineData("{\"title\":\"x\",\"cap\":100,\"amount\":500}", "cap")]
    [InlineData("{\"title\":\"x\",\"documentId\":987654}", "documentId")]
    [InlineData("{\"title\":\"x\",\"items\":[{\"method\":\"Award\",\"cap\":1},{\"method\":\"Award\",\"cap\":-5}]}", "items[1].cap")]
    [InlineData("{\"title\":\"x\",\"cap\":100,\"items\":[{\"method\":\"Award\",\"cap\":1}]}", "items")]
    public async Task Create_BadInput_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var official = await OfficialAsync();
        var count = await app.WithDbAsync(db => db.Set<PolicyClause>().CountAsync(Ct));
        using var response = await official.PostAsync("/api/clauses", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem);
        Assert.Contains($"\"{field}\"", problem, StringComparison.Ordinal);
        Assert.Equal(count, await app.WithDbAsync(db => db.Set<PolicyClause>().CountAsync(Ct)));
    }

    [Fact]
    public async Task ExpiredPolicy_TakesItsClausesOutOfTheCalculator()
    {
        var official = await OfficialAsync();
        var document = await app.WithDbAsync(db => db.Set<Document>().Where(d => d.SeedFile != null && d.Kind == DocumentKind.Policy).Select(d => new { d.Id, d.Title }).FirstAsync(Ct));
        var firm = await EnterpriseWithoutFiguresAsync(Tier.HighTech);
        using var created = await official.PostJsonAsync("/api/clauses", new { title = "高企认定奖励", method = "Award", amount = 300_000m, status = "Confirmed", documentId = document.Id, conditions = new[] { new { field = "tier", @operator = "in", value = "high-tech" } } });
        var clauseId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
        Assert.Contains((await official.GetJsonAsync($"/api/calculator/{firm}"))["eligible"]!.AsArray(), c => c!["clauseId"]!.GetValue<int>() == clauseId);

        await app.WithDbAsync(async db =>
        {
            var d = await db.Set<Document>().SingleAsync(x => x.Id == document.Id, Ct);
            d.Status = DocumentStatus.Expired;
            return await db.SaveChangesAsync(Ct);
        });
        try
        {
            var result = await official.GetJsonAsync($"/api/calculator/{firm}");
            Assert.DoesNotContain(result["eligible"]!.AsArray(), c => c!["clauseId"]!.GetValue<int>() == clauseId);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                var d = await db.Set<Document>().SingleAsync(x => x.Id == document.Id, Ct);
                d.Status = DocumentStatus.Valid;
                return await db.SaveChangesAsync(Ct);
            });
        }
    }
}

public sealed class SqliteCalculatorApiTests(TestApp<SqliteTarget> app) : CalculatorApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresCalculatorApiTests(TestApp<PostgresTarget> app) : CalculatorApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
