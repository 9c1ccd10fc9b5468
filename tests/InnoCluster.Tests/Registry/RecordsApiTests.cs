using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Registry;

/// <summary>A firm's designations, certifications, standards and filings through the API, and the plan's counts of them, on both databases.</summary>
public abstract class RecordsApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected RecordsApiTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonNode> SendAsync(Task<HttpResponseMessage> sending, HttpStatusCode expected) => sending.AnsweredAsync(expected);

    private Task<int> FirmAsync(string name) => app.WithDbAsync(async db =>
    {
        var firm = new Enterprise { Name = name + Guid.NewGuid().ToString("N")[..6], CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
        db.Add(firm);
        await db.SaveChangesAsync(Ct);
        return firm.Id;
    });

    [Fact]
    public async Task AFirmProposes_TheOfficeConfirms_AndOnlyThenTheRecordIsPublic()
    {
        var (mine, theirs) = (await FirmAsync("记录测试甲"), await FirmAsync("记录测试乙"));
        var firm = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: mine));
        var other = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Enterprise], enterpriseId: theirs));
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var today = BeijingTime.Today(app.Clock);
        var certification = new { kind = "first-edition-software", productName = "智能语音交互平台V3.0", level = "provincial", year = today.Year, source = "江苏省工业和信息化厅公示名单", quote = "智能语音交互平台V3.0" };

        var bad = await SendAsync(firm.PostAsJsonAsync($"/api/enterprises/{mine}/certifications", new { kind = "best-product", level = "provincial", year = today.Year + 1 }, Ct), HttpStatusCode.BadRequest);
        Assert.All(new[] { "kind", "productName", "year", "source" }, field => Assert.Contains(field, bad.ToJsonString(), StringComparison.Ordinal));
        await SendAsync(other.PostAsJsonAsync($"/api/enterprises/{mine}/certifications", certification, Ct), HttpStatusCode.NotFound);

        var proposed = await SendAsync(firm.PostAsJsonAsync($"/api/enterprises/{mine}/certifications", certification, Ct), HttpStatusCode.Created);
        Assert.Equal("Proposed", proposed["standing"]!.GetValue<string>());
        Assert.Empty((await app.CreateClient().GetJsonAsync($"/api/enterprises/{mine}/certifications")).AsArray());
        Assert.Empty((await other.GetJsonAsync($"/api/enterprises/{mine}/certifications")).AsArray());
        Assert.Single((await firm.GetJsonAsync($"/api/enterprises/{mine}/certifications")).AsArray());
        await SendAsync(firm.PostAsJsonAsync($"/api/enterprises/{mine}/certifications", certification, Ct), HttpStatusCode.Conflict);

        var id = proposed["id"]!.GetValue<int>();
        await SendAsync(firm.PostAsync($"/api/enterprises/{mine}/certifications/{id}/confirm", null, Ct), HttpStatusCode.Forbidden);
        await SendAsync(office.PostAsync($"/api/enterprises/{theirs}/certifications/{id}/confirm", null, Ct), HttpStatusCode.NotFound);
        var confirmed = await SendAsync(office.PostAsync($"/api/enterprises/{mine}/certifications/{id}/confirm", null, Ct), HttpStatusCode.OK);
        Assert.Equal("Held", confirmed["standing"]!.GetValue<string>());
        var shown = (await app.CreateClient().GetJsonAsync($"/api/enterprises/{mine}/certifications")).AsArray().Single()!;
        Assert.Equal(("智能语音交互平台V3.0", "provincial", "江苏省工业和信息化厅公示名单"), (shown["subject"]!.GetValue<string>(), shown["level"]!.GetValue<string>(), shown["source"]!["source"]!.GetValue<string>()));
        Assert.Null(shown["enteredBy"]); // who entered it is for the firm and the office

        // A rejected proposal says why to the firm, and nobody else sees it.
        var designation = await SendAsync(firm.PostAsJsonAsync($"/api/enterprises/{mine}/designations", new { tier = "gazelle", level = "municipal", year = today.Year, source = "市科技局瞪羚企业名单" }, Ct), HttpStatusCode.Created);
        var designationId = designation["id"]!.GetValue<int>();
        await SendAsync(office.PostAsJsonAsync($"/api/enterprises/{mine}/designations/{designationId}/reject", new { reason = "" }, Ct), HttpStatusCode.BadRequest);
        var rejected = await SendAsync(office.PostAsJsonAsync($"/api/enterprises/{mine}/designations/{designationId}/reject", new { reason = "名单中无此企业" }, Ct), HttpStatusCode.OK);
        Assert.Equal(("Rejected", "名单中无此企业"), (rejected["standing"]!.GetValue<string>(), rejected["reviewNote"]!.GetValue<string>()));
        Assert.Empty((await app.CreateClient().GetJsonAsync($"/api/enterprises/{mine}/designations")).AsArray());
        Assert.Equal("名单中无此企业", (await firm.GetJsonAsync($"/api/enterprises/{mine}/designations"))[0]!["reviewNote"]!.GetValue<string>());

        // The office enters directly (it counts at once), and later records its end.
        var standard = await SendAsync(office.PostAsJsonAsync($"/api/enterprises/{mine}/standards", new { number = "GB/T  42755-2023", title = "人工智能 面向机器学习的数据标注规程", level = "national", role = "lead", grantedOn = "2023-08-06", source = "国家标准全文公开系统" }, Ct), HttpStatusCode.Created);
        Assert.Equal(("GB/T 42755-2023", "Held"), (standard["number"]!.GetValue<string>(), standard["standing"]!.GetValue<string>()));
        await SendAsync(office.PostAsJsonAsync($"/api/enterprises/{mine}/standards/{standard["id"]}/end", new { endedOn = "2023-08-01", reason = "废止" }, Ct), HttpStatusCode.BadRequest);
        var ended = await SendAsync(office.PostAsJsonAsync($"/api/enterprises/{mine}/standards/{standard["id"]}/end", new { endedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason = "被新版本代替" }, Ct), HttpStatusCode.OK);
        Assert.Equal("Ended", ended["standing"]!.GetValue<string>());

        var subjects = new[] { mine, id, designationId, standard["id"]!.GetValue<int>() }.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Subject.StartsWith("enterprise_") && subjects.Contains(a.SubjectId!)).Select(a => a.Action).ToListAsync(Ct));
        Assert.Superset(new HashSet<string> { "record-propose", "record-confirm", "record-reject", "record-add", "record-end" }, audited.ToHashSet());

        // The firm's page lists what is held; the record page shows the firm its returned proposal.
        var page = await app.CreateClient().GetStringAsync($"/enterprises/{mine}/records", Ct);
        Assert.Contains("智能语音交互平台V3.0", page, StringComparison.Ordinal);
        Assert.DoesNotContain("名单中无此企业", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRecordCount_AgreesWithADirectSqlCount_TodayAndOnAPastDay()
    {
        var today = BeijingTime.Today(app.Clock);
        var past = new DateOnly(today.Year - 1, 6, 30);
        await app.WithDbAsync(async db =>
        {
            EnterpriseTier Tier(Tier tier, TierLevel level, int? year, DateOnly? granted = null, DateOnly? expires = null, DateOnly? ended = null, RecordStatus status = RecordStatus.Confirmed) =>
                new() { Tier = tier, Level = level, Year = year, GrantedOn = granted, ExpiresOn = expires, EndedOn = ended, Status = status };
            var firms = new List<Enterprise>();
            for (var i = 0; i < 6; i++)
            {
                firms.Add(new Enterprise { Name = $"计数测试{i}{Guid.NewGuid():N}"[..12], CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() });
            }

            firms[0].Tiers = [Tier(Features.Registry.Tier.HighTech, TierLevel.National, today.Year - 3, new DateOnly(today.Year - 3, 11, 1), new DateOnly(today.Year, 1, 1).AddDays(-2))];
            firms[1].Tiers = [Tier(Features.Registry.Tier.HighTech, TierLevel.National, today.Year - 1, new DateOnly(today.Year - 1, 3, 1), new DateOnly(today.Year + 2, 2, 28))];
            firms[2].Tiers = [Tier(Features.Registry.Tier.HighTech, TierLevel.Provincial, today.Year - 2), Tier(Features.Registry.Tier.HighTech, TierLevel.National, today.Year, status: RecordStatus.Proposed)];
            firms[3].Tiers = [Tier(Features.Registry.Tier.HighTech, TierLevel.Municipal, today.Year - 2), Tier(Features.Registry.Tier.Listed, TierLevel.Unspecified, today.Year - 4, new DateOnly(today.Year - 4, 7, 22), ended: new DateOnly(today.Year, 1, 5))];
            firms[4].Tiers = [Tier(Features.Registry.Tier.HighTech, TierLevel.Unspecified, null)];
            firms[0].Certifications =
            [
                new() { Kind = CertificationKind.FirstEditionSoftware, ProductName = "平台A", Level = TierLevel.Provincial, Year = today.Year - 1 },
                new() { Kind = CertificationKind.FirstEditionSoftware, ProductName = "平台A", Level = TierLevel.Provincial, Year = today.Year },
                new() { Kind = CertificationKind.FirstEditionSoftware, ProductName = "平台B", Level = TierLevel.Municipal, Year = today.Year - 2 },
                new() { Kind = CertificationKind.FusionInnovationProduct, ProductName = "方案C", Level = TierLevel.National, GrantedOn = past.AddDays(1), Year = past.Year },
                new() { Kind = CertificationKind.FirstEditionSoftware, ProductName = "平台D", Level = TierLevel.National, Year = today.Year, Status = RecordStatus.Proposed },
            ];
            firms[1].Standards =
            [
                new() { Number = "GB/T 1-2024", Title = "甲", Level = StandardLevel.National, Role = StandardRole.Lead, Year = today.Year - 2 },
                new() { Number = "T/AI 2-2025", Title = "乙", Level = StandardLevel.Group, Role = StandardRole.Lead, GrantedOn = past, Year = past.Year },
            ];
            firms[2].Standards = [new() { Number = "GB/T 1-2024", Title = "甲", Level = StandardLevel.National, Role = StandardRole.Participant, Year = today.Year - 2 }];
            firms[5].Filings =
            [
                new() { Kind = FilingKind.Algorithm, Name = "语音合成算法", Number = "网信算备1", Year = today.Year - 2 },
                new() { Kind = FilingKind.LargeModel, Name = "对话大模型", Number = "Jiangsu-1", GrantedOn = past.AddDays(1), Year = past.Year },
                new() { Kind = FilingKind.LargeModel, Name = "撤回的模型", Number = "Jiangsu-2", Year = today.Year - 2, EndedOn = past.AddDays(-10) },
            ];
            db.AddRange(firms);
            return await db.SaveChangesAsync(Ct);
        });

        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var (target, plan) = await app.WithDbAsync(async db => await db.Set<PlanTarget>().Where(t => t.Name.Contains("首版次软件")).Select(t => new Tuple<int, int>(t.Id, t.PlanId)).FirstAsync(Ct) is var row ? (row.Item1, row.Item2) : default);
        string Held(string table, string day, bool undated) =>
            $"{table}.status = 'Confirmed' AND ({table}.expires_on IS NULL OR {table}.expires_on >= '{day}') AND ({table}.ended_on IS NULL OR {table}.ended_on > '{day}') " +
            $"AND ({table}.granted_on <= '{day}' OR ({table}.granted_on IS NULL AND {table}.year <= {day[..4]}){(undated ? $" OR ({table}.granted_on IS NULL AND {table}.year IS NULL)" : "")})";
        var counts = new (string Spec, Func<string, bool, string> Sql)[]
        {
            ("tiers:high-tech/provincial", (d, u) => $"SELECT COUNT(DISTINCT t.enterprise_id) AS \"Value\" FROM enterprise_tiers t WHERE t.tier = 'HighTech' AND t.level IN ('Global', 'National', 'Provincial') AND {Held("t", d, u)}"),
            ("tiers:high-tech,listed", (d, u) => $"SELECT COUNT(DISTINCT t.enterprise_id) AS \"Value\" FROM enterprise_tiers t WHERE t.tier IN ('HighTech', 'Listed') AND {Held("t", d, u)}"),
            ("certifications:first-edition-software/provincial", (d, u) => $"SELECT COUNT(*) AS \"Value\" FROM (SELECT DISTINCT c.enterprise_id, c.product_name FROM enterprise_certifications c WHERE c.kind = 'FirstEditionSoftware' AND c.level IN ('Global', 'National', 'Provincial') AND {Held("c", d, u)}) x"),
            ("certifications:first-edition-software,fusion-innovation-product", (d, u) => $"SELECT COUNT(*) AS \"Value\" FROM (SELECT DISTINCT c.enterprise_id, c.kind, c.product_name FROM enterprise_certifications c WHERE {Held("c", d, u)}) x"),
            ("standards:lead", (d, u) => $"SELECT COUNT(DISTINCT s.number) AS \"Value\" FROM enterprise_standards s WHERE s.role = 'Lead' AND {Held("s", d, u)}"),
            ("standards:any/national", (d, u) => $"SELECT COUNT(DISTINCT s.number) AS \"Value\" FROM enterprise_standards s WHERE s.level IN ('International', 'National') AND {Held("s", d, u)}"),
            ("filings:algorithm,large-model", (d, u) => $"SELECT COUNT(*) AS \"Value\" FROM (SELECT DISTINCT f.enterprise_id, f.kind, f.name FROM enterprise_filings f WHERE {Held("f", d, u)}) x"),
        };
        foreach (var (spec, sql) in counts)
        {
            await SendAsync(office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = spec }, Ct), HttpStatusCode.NoContent);
            foreach (var (day, asOf) in new[] { (today, (DateOnly?)null), (past, past) })
            {
                var query = sql(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), asOf is null);
                var direct = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>(query).SingleAsync(Ct));
                var url = $"/api/plans/{plan}/targets" + (asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : "");
                var shown = (await office.GetJsonAsync(url)).AsArray().Single(t => t!["id"]!.GetValue<int>() == target)!["latestValue"]?.GetValue<decimal>() ?? 0m;
                Assert.True(direct == shown, $"{spec} on {day:yyyy-MM-dd}: SQL {direct}, platform {shown}");
            }
        }

        // The figure links to its rows: the renewed product is listed, the lower-level and proposed ones are not.
        await SendAsync(office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = "certifications:first-edition-software/provincial" }, Ct), HttpStatusCode.NoContent);
        var figure = await office.GetStringAsync($"/plans/targets/{target}", Ct);
        Assert.Contains("/records?spec=certifications", figure, StringComparison.Ordinal);
        var list = await app.CreateClient().GetStringAsync("/records?spec=certifications%3Afirst-edition-software%2Fprovincial", Ct);
        Assert.Contains("平台A", list, StringComparison.Ordinal);
        Assert.DoesNotContain("平台B", list, StringComparison.Ordinal);
        Assert.DoesNotContain("平台D", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATierList_WithABadRow_IsRefusedWhole_ThenImported_AndTheTargetCountsIt()
    {
        var firms = new List<(int Id, string Name)>();
        for (var i = 0; i < 3; i++)
        {
            var name = $"导入梯队{i}" + Guid.NewGuid().ToString("N")[..6];
            firms.Add((await app.WithDbAsync(async db =>
            {
                var firm = new Enterprise { Name = name, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
                db.Add(firm);
                await db.SaveChangesAsync(Ct);
                return firm.Id;
            }), name));
        }

        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var year = BeijingTime.Today(app.Clock).Year;
        var target = await app.WithDbAsync(db => db.Set<PlanTarget>().Where(t => t.Name.Contains("首版次软件")).Select(t => t.Id).FirstAsync(Ct));
        await SendAsync(office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = "tiers:gazelle/municipal" }, Ct), HttpStatusCode.NoContent);
        var before = (await office.GetJsonAsync($"/api/plan-targets/{target}"))["target"]!["latestValue"]?.GetValue<decimal>() ?? 0m;

        string Csv(string third) =>
            "企业名称,梯队或资质,级别,年份,日期,来源,原文\n" +
            $"{firms[0].Name},瞪羚企业,市级,{year},,苏州市瞪羚企业名单,\n" +
            $"{firms[1].Name},瞪羚企业（省级）,,,{year}-03-01,苏州市瞪羚企业名单,\n" +
            third;
        async Task<JsonNode> ImportAsync(string csv, bool dryRun, HttpStatusCode expected) => await SendAsync(office.PostAsync($"/api/records/designations/import?dryRun={dryRun}",
            new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "瞪羚名单.csv" } }, Ct), expected);

        var refused = await ImportAsync(Csv($"{firms[2].Name},瞪羚企业,市级,二〇二四,{year}-13-40,苏州市瞪羚企业名单,\n没有这家企业,瞪羚企业,市级,{year},,名单,\n"), false, HttpStatusCode.UnprocessableEntity);
        var errors = refused["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Contains((4, "年份"), errors);
        Assert.Contains((4, "日期"), errors);
        Assert.Contains((5, "企业名称"), errors);
        Assert.False(refused["applied"]!.GetValue<bool>());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<EnterpriseTier>().CountAsync(t => t.Tier == Features.Registry.Tier.Gazelle && firms.Select(f => f.Id).Contains(t.EnterpriseId), Ct)));

        var fixedFile = Csv($"{firms[2].Name},瞪羚企业,区级,{year},,苏州市瞪羚企业名单,\n");
        var dry = await ImportAsync(fixedFile, true, HttpStatusCode.OK);
        Assert.Equal((false, 3), (dry["applied"]!.GetValue<bool>(), dry["created"]!.GetValue<int>()));
        var applied = await ImportAsync(fixedFile, false, HttpStatusCode.OK);
        Assert.Equal((true, 3), (applied["applied"]!.GetValue<bool>(), applied["created"]!.GetValue<int>()));
        var again = await ImportAsync(fixedFile, false, HttpStatusCode.OK);
        Assert.Equal((0, 3), (again["created"]!.GetValue<int>(), again["skipped"]!.AsArray().Count));

        // Two of the three are municipal or higher; the district one is recorded but not counted at that level.
        var after = (await office.GetJsonAsync($"/api/plan-targets/{target}"))["target"]!["latestValue"]!.GetValue<decimal>();
        Assert.Equal(before + 2, after);
        var provincial = (await app.CreateClient().GetJsonAsync($"/api/enterprises/{firms[1].Id}/designations"))[0]!;
        Assert.Equal(("provincial", "瞪羚名单.csv", "row 3", "苏州市瞪羚企业名单"),
            (provincial["level"]!.GetValue<string>(), provincial["source"]!["source"]!.GetValue<string>(), provincial["source"]!["locator"]!.GetValue<string>(), provincial["source"]!["note"]!.GetValue<string>()));
    }
}

public sealed class SqliteRecordsApiTests(TestApp<SqliteTarget> app) : RecordsApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresRecordsApiTests(TestApp<PostgresTarget> app) : RecordsApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
