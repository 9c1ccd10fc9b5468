using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Registry;

/// <summary>
/// The office's carriers spreadsheet: a template with a guide; a file with a bad row refused whole with every
/// problem by row and column; fixed, imported with kinds, levels, 板块 and stages as offices write them, backers
/// matched to registered firms; a carrier the registry holds skipped; the plan's carrier count sees the new one.
/// </summary>
public abstract class CarrierImportTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected CarrierImportTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFundList_KeepsEachFundsSizeManagerAndFocus_AndASizeThatIsNotANumberIsRefusedByRowAndColumn()
    {
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var suffix = Guid.NewGuid().ToString("N")[..4];
        string Csv(string size) =>
            $"名称,类别,{CarrierSheet.FundSize},{CarrierSheet.FundManager},{CarrierSheet.FundFocus},来源\n" +
            $"导入测试人工智能基金{suffix},产业基金,{size},测试创投管理有限公司,人工智能、集成电路,基金设立公告\n" +
            $"导入测试实验室{suffix},重点实验室,10,,,名单\n";
        async Task<JsonNode> ImportAsync(string csv, HttpStatusCode expected) => await office.PostAsync("/api/carriers/import?dryRun=false",
            new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "基金名单.csv" } }, Ct).AnsweredAsync(expected);

        var refused = await ImportAsync(Csv("约五十亿"), HttpStatusCode.UnprocessableEntity);
        var errors = refused["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Contains((2, CarrierSheet.FundSize), errors); // words, never guessed
        Assert.Contains((3, CarrierSheet.FundSize), errors); // only a fund has a size
        Assert.False(await app.WithDbAsync(db => db.Set<Carrier>().AnyAsync(c => c.Name.EndsWith(suffix), Ct)));

        var applied = await ImportAsync(Csv("50亿元").Replace($"导入测试实验室{suffix},重点实验室,10", $"导入测试实验室{suffix},重点实验室,", StringComparison.Ordinal), HttpStatusCode.OK);
        Assert.Equal(2, applied["created"]!.GetValue<int>());
        var fund = await app.WithDbAsync(db => db.Set<Carrier>().SingleAsync(c => c.Name == $"导入测试人工智能基金{suffix}", Ct));
        Assert.Equal((CarrierKind.Fund, 50m, "测试创投管理有限公司", "人工智能、集成电路"), (fund.Kind, fund.FundSize, fund.FundManager, fund.FundFocus));
    }

    [Fact]
    public async Task CapacityReadings_AreImportedOnNewAndHeldComputeCentres_RefusedByRowAndColumn_AndNotRepeated()
    {
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var (heldCentre, heldLab) = await app.WithDbAsync(async db =>
        {
            var centre = Carrier.ByTheOffice();
            (centre.Name, centre.Kind) = ($"导入测试已有算力中心{suffix}", CarrierKind.ComputeCentre);
            var lab = Carrier.ByTheOffice();
            (lab.Name, lab.Kind) = ($"导入测试已有实验室{suffix}", CarrierKind.KeyLaboratory);
            db.AddRange(centre, lab);
            await db.SaveChangesAsync(Ct);
            return (centre.Id, lab.Id);
        });
        var year = BeijingTime.Today(app.Clock).Year;
        const string Header = $"名称,类别,{CarrierSheet.TotalPeta},{CarrierSheet.IntelligentPeta},{CarrierSheet.CapacityDate},{CarrierSheet.CapacityYear},来源\n";
        async Task<JsonNode> ImportAsync(string rows, HttpStatusCode expected) => await office.PostAsync("/api/carriers/import?dryRun=false",
            new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Header + rows)), "file", "算力.csv" } }, Ct).AnsweredAsync(expected);

        var refused = await ImportAsync(
            $"导入测试新智算中心{suffix},智算中心,300P,200,,{year - 1},建设公告\n" +
            $"导入测试已有算力中心{suffix},算力中心,500,600,{year - 1}-12-31,,统计\n" +
            $"导入测试已有实验室{suffix},重点实验室,100,,,{year - 1},名单\n" +
            $"导入测试另一算力中心{suffix},算力中心,约300P,,,,报道\n" +
            $"导入测试已有算力中心{suffix},算力中心,500,,,,统计\n" +
            $"导入测试另一算力中心{suffix},算力中心,10,,{year + 1}-01-01,,报道\n", HttpStatusCode.UnprocessableEntity);
        var errors = refused["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Contains((3, CarrierSheet.IntelligentPeta), errors); // 智算 above the total
        Assert.Contains((4, CarrierSheet.TotalPeta), errors); // only a compute centre has a capacity
        Assert.Contains((5, CarrierSheet.TotalPeta), errors); // words, never guessed
        Assert.Contains((6, CarrierSheet.CapacityDate), errors); // neither a day nor a year
        Assert.Contains((7, CarrierSheet.CapacityDate), errors); // in the future
        Assert.False(await app.WithDbAsync(db => db.Set<CarrierCapacity>().AnyAsync(r => r.CarrierId == heldCentre || r.CarrierId == heldLab, Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<Carrier>().AnyAsync(c => c.Name.StartsWith("导入测试新智算中心") && c.Name.EndsWith(suffix), Ct)));

        var fixedRows =
            $"导入测试新智算中心{suffix},智算中心,300P,200,,{year - 1},建设公告\n" +
            $"导入测试已有算力中心{suffix},算力中心,500,400,{year - 1}-12-31,,统计\n" +
            $"导入测试已有实验室{suffix},重点实验室,,,,,名单\n" +
            $"导入测试另一算力中心{suffix},算力中心,\"1,000 PFLOPS\",,,{year - 1},报道\n" +
            $"导入测试另一算力中心{suffix},算力中心,1200,900,{year}-01-01,,报道\n";
        var applied = await ImportAsync(fixedRows, HttpStatusCode.OK);
        Assert.Equal((2, 1, 0), (applied["created"]!.GetValue<int>(), applied["updated"]!.GetValue<int>(), applied["unchanged"]!.GetValue<int>()));
        Assert.Equal([4], applied["skipped"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()));
        Assert.Equal([3, 6], applied["warnings"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()));
        var held = Assert.Single(await app.WithDbAsync(db => db.Set<CarrierCapacity>().Where(r => r.CarrierId == heldCentre).ToListAsync(Ct)));
        Assert.Equal((new DateOnly(year - 1, 12, 31), year - 1, 500m, 400m, "算力.csv", "row 3", "统计"),
            (held.AsOf!.Value, held.Year, held.TotalPeta!.Value, held.IntelligentPeta!.Value, held.Source.Source, held.Source.Locator, held.Source.Note));
        var other = await app.WithDbAsync(db => db.Set<Carrier>().Include(c => c.Capacities).SingleAsync(c => c.Name == $"导入测试另一算力中心{suffix}", Ct));
        Assert.Equal([(year - 1, 1000m, (decimal?)null), (year, 1200m, 900m)], other.Capacities.OrderBy(r => r.Year).Select(r => (r.Year, r.TotalPeta!.Value, r.IntelligentPeta)));

        var again = await ImportAsync(fixedRows, HttpStatusCode.OK);
        Assert.Equal((0, 0, 4), (again["created"]!.GetValue<int>(), again["updated"]!.GetValue<int>(), again["unchanged"]!.GetValue<int>()));
        Assert.Equal(4, await app.WithDbAsync(db => db.Set<Carrier>().Where(c => c.Name.EndsWith(suffix)).SelectMany(c => c.Capacities).CountAsync(Ct)));
    }

    [Fact]
    public async Task ACarrierList_WithABadRow_IsRefusedWhole_ThenImportedWithItsStages()
    {
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        using (var template = await office.GetAsync("/api/carriers/import-template", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            var sheet = InnoCluster.Infrastructure.Files.TabularFileReader.Read("载体导入模板.xlsx", await template.Content.ReadAsStreamAsync(Ct), new());
            Assert.Equal(CarrierSheet.Columns.Select(c => c.Header), sheet.Headers);
        }

        var firm = await app.WithDbAsync(async db =>
        {
            var e = new Enterprise { Name = "载体共建科技有限公司" + Guid.NewGuid().ToString("N")[..6], CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() };
            db.Add(e);
            await db.SaveChangesAsync(Ct);
            return e;
        });
        var year = BeijingTime.Today(app.Clock).Year;
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var countedBefore = await CountAsync("carriers:key-laboratory/provincial");
        string Csv(string third) =>
            "名称,类别,级别,板块,批准单位,依托单位,阶段,阶段日期,阶段年份,来源,原文\n" +
            $"苏州导入测试重点实验室{suffix},重点实验室,省级,昆山,江苏省科技厅,苏州大学、{firm.Name},认定,{year - 1}-06-30,,江苏省重点实验室名单,\n" +
            $"苏州超算中心,算力中心,,,,,,,,重复的载体,\n" +
            third;
        async Task<JsonNode> ImportAsync(string csv, bool dryRun, HttpStatusCode expected) => await office.PostAsync($"/api/carriers/import?dryRun={dryRun}",
            new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "载体名单.csv" } }, Ct).AnsweredAsync(expected);

        var refused = await ImportAsync(Csv($"苏州导入测试平台{suffix},不存在的类别,银河级,,,,建成,{year - 1}-02-30,,通知,\n导入测试基地{suffix},实训基地,,,,,,,,,\n"), false, HttpStatusCode.UnprocessableEntity);
        var errors = refused["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Contains((4, "类别"), errors);
        Assert.Contains((4, "级别"), errors);
        Assert.Contains((5, "来源"), errors);
        Assert.False(refused["applied"]!.GetValue<bool>());
        Assert.False(await app.WithDbAsync(db => db.Set<Carrier>().AnyAsync(c => c.Name.EndsWith(suffix), Ct)));

        // The stage's day is read as a date or refused, never guessed; with a good kind the row's stage is the one that fails.
        var badDay = await ImportAsync(Csv($"苏州导入测试平台{suffix},开放创新平台,国家级,,,,建成,{year - 1}-02-30,,通知,\n"), true, HttpStatusCode.UnprocessableEntity);
        Assert.Contains((4, "阶段日期"), badDay["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())));

        var fixedFile = Csv($"苏州导入测试平台{suffix},开放创新平台,国家级,sip,科技部,,建成,,{year - 1},科技部批复,\n");
        var dry = await ImportAsync(fixedFile, true, HttpStatusCode.OK);
        Assert.Equal((false, 2, 1), (dry["applied"]!.GetValue<bool>(), dry["created"]!.GetValue<int>(), dry["skipped"]!.AsArray().Count));
        var applied = await ImportAsync(fixedFile, false, HttpStatusCode.OK);
        Assert.Equal((true, 2), (applied["applied"]!.GetValue<bool>(), applied["created"]!.GetValue<int>()));
        Assert.Equal(0, (await ImportAsync(fixedFile, false, HttpStatusCode.OK))["created"]!.GetValue<int>());

        var lab = await app.WithDbAsync(db => db.Set<Carrier>().Include(c => c.Stages).Include(c => c.Backers).Include(c => c.District).SingleAsync(c => c.Name == $"苏州导入测试重点实验室{suffix}", Ct));
        Assert.Equal((CarrierKind.KeyLaboratory, TierLevel.Provincial, "kunshan", "江苏省科技厅"), (lab.Kind, lab.Level, lab.District!.Code, lab.ApprovingBody));
        Assert.Equal([(null, "苏州大学"), ((int?)firm.Id, firm.Name)], lab.Backers.OrderBy(b => b.Id).Select(b => (b.EnterpriseId, b.Name)));
        var stage = Assert.Single(lab.Stages);
        Assert.Equal((CarrierStageKind.Recognised, new DateOnly(year - 1, 6, 30), "载体名单.csv", "row 2", "江苏省重点实验室名单"),
            (stage.Stage, stage.Day!.Value, stage.Source!.Source, stage.Source.Locator, stage.Source.Note));
        Assert.Equal(countedBefore + 1, await CountAsync("carriers:key-laboratory/provincial"));
    }

    /// <summary>What a plan target measured by <paramref name="spec"/> reads now.</summary>
    private async Task<decimal> CountAsync(string spec)
    {
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var target = await app.WithDbAsync(db => db.Set<InnoCluster.Features.Plans.PlanTarget>().Where(t => t.Name.Contains("重点实验室")).Select(t => t.Id).FirstAsync(Ct));
        await office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = spec }, Ct).AnsweredAsync(HttpStatusCode.NoContent);
        return (await office.GetJsonAsync($"/api/plan-targets/{target}"))["target"]!["latestValue"]!.GetValue<decimal>();
    }
}

public sealed class SqliteCarrierImportTests(TestApp<SqliteTarget> app) : CarrierImportTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresCarrierImportTests(TestApp<PostgresTarget> app) : CarrierImportTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
