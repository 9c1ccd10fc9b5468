using InnoCluster.Features.Registry;
using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace InnoCluster.Tests.Registry;

/// <summary>Enterprise import through the real use case on a real database, as an official runs it.</summary>
public abstract class ImportTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected ImportTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MemoryStream Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.ToList(), excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }

    private async Task<ImportReport> ImportAsync(string file, Stream content, string? mapping = null, bool dryRun = false)
    {
        await using var scope = _app.Scope();
        var import = scope.ServiceProvider.GetRequiredService<EnterpriseImport>();
        return await import.RunAsync(file, content, mapping, dryRun, Ct);
    }

    private Task<int> CountAsync() => _app.WithDbAsync(db => db.Set<Enterprise>().CountAsync(Ct));

    [Fact]
    public async Task Import_ChineseHeaders_DryRunChangesNothingThenApplyStoresEveryField()
    {
        var code = CreditCodes.Valid(71_000_001);
        Dictionary<string, object?>[] rows =
        [
            new()
            {
                ["企业名称"] = "苏州测试视觉科技有限公司", ["统一社会信用代码"] = code, ["所属板块"] = "工业园区",
                ["产业链环节"] = "计算机视觉；智能芯片", ["企业梯队/类型"] = "专精特新(省级,2023)；高新技术企业", ["成立日期"] = "2015年3月1日",
                ["营业收入(万元)"] = "3500", ["研发投入(万元)"] = "约300", ["从业人数"] = "120", ["年度"] = "2024",
            },
            new()
            {
                ["企业名称"] = "思必驰", ["统一社会信用代码"] = null, ["所属板块"] = null, ["产业链环节"] = null, ["企业梯队/类型"] = null, ["成立日期"] = null,
                ["营业收入(万元)"] = "1.2亿", ["研发投入(万元)"] = null, ["从业人数"] = null, ["年度"] = "2024",
            },
        ];
        var before = await CountAsync();

        var dry = await ImportAsync("enterprises.xlsx", Xlsx(rows), dryRun: true);
        Assert.False(dry.HasErrors, string.Join("; ", dry.Errors.Select(e => e.Message)));
        Assert.Equal((1, 1), (dry.Created, dry.Updated));
        Assert.Contains(dry.Warnings, w => w.Row == 2 && w.Column == "研发投入(万元)");
        Assert.Equal(before, await CountAsync());

        var applied = await ImportAsync("enterprises.xlsx", Xlsx(rows));
        Assert.True(applied.Applied);
        Assert.Equal(before + 1, await CountAsync());

        var stored = await _app.WithDbAsync(db => db.Set<Enterprise>()
            .Include(e => e.Tiers).Include(e => e.Figures).Include(e => e.ChainLinks).ThenInclude(l => l.ChainNode).Include(e => e.District)
            .SingleAsync(e => e.CreditCode == code, Ct));
        Assert.Equal("sip", stored.District!.Code);
        Assert.Equal(new DateOnly(2015, 3, 1), stored.EstablishedOn);
        Assert.Equal(["ai-chip", "vision"], stored.ChainLinks.Select(l => l.ChainNode!.Code).Order());
        Assert.Contains(stored.Tiers, t => t.Tier == Tier.SpecialisedSme && t.Level == TierLevel.Provincial && t.Year == 2023);
        Assert.Contains(stored.Tiers, t => t.Tier == Tier.HighTech);
        var figure = Assert.Single(stored.Figures);
        Assert.Equal((2024, 35_000_000m, 3_000_000m, 120), (figure.Year, figure.Revenue, figure.RdSpend, figure.Employees));
        Assert.Equal(ProvenanceKind.Import, figure.Source!.Kind);
        Assert.Equal("enterprises.xlsx", figure.Source.Source);
        Assert.Equal("row 2, 年度", figure.Source.Locator);

        var aispeech = await _app.WithDbAsync(db => db.Set<Enterprise>().Include(e => e.Figures).SingleAsync(e => e.SeedKey == "aispeech", Ct));
        Assert.Equal(120_000_000m, Assert.Single(aispeech.Figures).Revenue);

        var again = await ImportAsync("enterprises.xlsx", Xlsx(rows));
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task Import_PatentsByYear_AndTheIpStrongDesignation_AreKept_AndANonNumberIsRefusedByRowAndColumn()
    {
        var code = CreditCodes.Valid(71_000_031);
        Dictionary<string, object?> Row(string patentsGranted, string patentsValid) => new()
        {
            ["企业名称"] = "苏州测试专利科技有限公司", ["统一社会信用代码"] = code, ["企业梯队/类型"] = "知识产权强企(省级,2024)",
            ["授权专利数"] = patentsGranted, ["有效专利数"] = patentsValid, ["年度"] = "2024",
        };
        var before = await CountAsync();

        var refused = await ImportAsync("patents.xlsx", Xlsx([Row("若干", "86")]));
        Assert.False(refused.Applied);
        Assert.Contains(refused.Errors, e => e.Row == 2 && e.Column == "授权专利数" && e.Message.Contains("整数", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());

        var applied = await ImportAsync("patents.xlsx", Xlsx([Row("12", "86")]));
        Assert.True(applied.Applied, string.Join("; ", applied.Errors.Select(e => e.Message)));
        var stored = await _app.WithDbAsync(db => db.Set<Enterprise>().Include(e => e.Tiers).Include(e => e.Figures).SingleAsync(e => e.CreditCode == code, Ct));
        var figure = Assert.Single(stored.Figures);
        Assert.Equal((2024, 12, 86, (decimal?)null), (figure.Year, figure.PatentsGranted, figure.PatentsValid, figure.Revenue));
        Assert.Contains(stored.Tiers, t => t.Tier == Tier.IpStrong && t.Level == TierLevel.Provincial && t.Year == 2024);

        // The next year's file adds a year beside it; the export carries the latest year's patents.
        var nextYear = Row("15", "97");
        nextYear["年度"] = "2025";
        Assert.True((await ImportAsync("patents-2025.xlsx", Xlsx([nextYear]))).Applied);
        Assert.Equal([(2024, 86), (2025, 97)], (await _app.WithDbAsync(db => db.Set<YearlyFigure>().Where(f => f.EnterpriseId == stored.Id).OrderBy(f => f.Year).Select(f => new { f.Year, f.PatentsValid }).ToListAsync(Ct))).Select(f => (f.Year, f.PatentsValid ?? 0)));
    }

    [Fact]
    public async Task Import_BadRows_ReportsEachProblemByRowAndColumnAndWritesNothing()
    {
        var valid = CreditCodes.Valid(71_000_002);
        var badCheck = valid[..17] + (valid[17] == 'A' ? 'B' : 'A');
        Dictionary<string, object?> Row(string? name, string? code, string? district, string? revenue, string? tier) => new()
        {
            ["企业名称"] = name, ["统一社会信用代码"] = code, ["所属板块"] = district, ["企业梯队/类型"] = tier, ["营业收入(万元)"] = revenue, ["年度"] = "2024",
        };
        Dictionary<string, object?>[] rows =
        [
            Row("甲公司", badCheck, "工业园区", "100", null),
            Row("乙公司", null, "火星区", "100", null),
            Row("丙公司", null, "吴中区", "面议", null),
            Row("丁公司", valid, "吴中区", "100", "优秀企业"),
            Row("丁公司", null, "吴中区", "100", null),
            Row(null, null, "吴中区", "100", null),
            Row("戊公司", null, "吴中区", "200", "上市"),
        ];
        var before = await CountAsync();

        var report = await ImportAsync("bad.xlsx", Xlsx(rows));

        Assert.False(report.Applied);
        Assert.Equal(before, await CountAsync());
        void Has(int row, string column, string fragment) =>
            Assert.Contains(report.Errors, e => e.Row == row && e.Column == column && e.Message.Contains(fragment, StringComparison.Ordinal));
        Has(2, "统一社会信用代码", "第18位");
        Has(3, "所属板块", "火星区");
        Has(4, "营业收入(万元)", "金额");
        Has(5, "企业梯队/类型", "优秀企业");
        Has(6, "企业名称", "第5行");
        Has(7, "企业名称", "不能为空");
        Assert.DoesNotContain(report.Errors, e => e.Row == 8);
    }

    [Fact]
    public async Task Import_ListedCompaniesWithSavedMapping_MarksSeedFirmsListedWithoutDuplicates()
    {
        var before = await CountAsync();
        await using var file = File.OpenRead(TestPaths.Corpus("listed-companies.csv"));

        var report = await ImportAsync("listed-companies.csv", file, mapping: "tushare-stock-basic");

        Assert.True(report.Applied, report.FileError ?? string.Join("; ", report.Errors.Take(5).Select(e => $"{e.Row} {e.Message}")));
        Assert.Equal(5448, report.Rows);
        Assert.Equal(0, report.Created);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(report.Rows - report.Updated, report.Skipped.Count);

        var listed = await _app.WithDbAsync(db => db.Set<Enterprise>()
            .Where(e => e.Tiers.Any(t => t.Tier == Tier.Listed))
            .Select(e => new { e.SeedKey, Tier = e.Tiers.Single(t => t.Tier == Tier.Listed) })
            .ToListAsync(Ct));
        var bySeed = listed.ToDictionary(l => l.SeedKey!, l => l.Tier);
        // 南大光电 (300346) and 亨通光电 (600487) are names no source document uses for the seed firms (江苏南大光电材料股份有限公司,
        // 亨通): matching them would be the editors' guess, so the import leaves those firms alone.
        Assert.False(bySeed.ContainsKey("nata-opto"));
        Assert.False(bySeed.ContainsKey("hengtong"));
        Assert.Equal(new DateOnly(2018, 5, 28), bySeed["ecovacs"].GrantedOn);       // 科沃斯 603486
        Assert.Equal(new DateOnly(2019, 7, 22), bySeed["hyc"].GrantedOn);           // 华兴源创 688001
        Assert.Equal(new DateOnly(2022, 4, 1), bySeed["everbright-photonics"].GrantedOn); // 长光华芯 688048
        Assert.Equal("688048.SH", bySeed["everbright-photonics"].SecurityCode);
        Assert.All(bySeed.Values, t => Assert.Equal("listed-companies.csv", t.Source!.Source));

        var again = await ImportAsync("listed-companies.csv", File.OpenRead(TestPaths.Corpus("listed-companies.csv")), mapping: "tushare-stock-basic");
        Assert.Equal(0, again.Updated);
        Assert.Equal(report.Updated, again.Unchanged);
    }

    [Fact]
    public async Task Import_OverHttp_DryRunThenApply_AsAnOfficialWithAToken()
    {
        var official = await TestUsers.CreateAsync(_app, [InnoCluster.Infrastructure.Web.Roles.Official]);
        var client = await TestUsers.TokenClientAsync(_app, official);
        var csv = "企业名称,所属板块,产业链环节,企业梯队/类型,营业收入(万元),年度\n苏州接口导入测试有限公司,相城区,自动驾驶,瞪羚企业,2000,2024\n"u8.ToArray();
        MultipartFormDataContent Form() => new() { { new ByteArrayContent(csv), "file", "api.csv" } };

        using var dry = await client.PostAsync("/api/enterprises/import?dryRun=true", Form(), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, dry.StatusCode);
        var before = await CountAsync();
        using var apply = await client.PostAsync("/api/enterprises/import?dryRun=false", Form(), Ct);
        var report = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(apply.Content, Ct);
        Assert.True(report!["applied"]!.GetValue<bool>());
        Assert.Equal(before + 1, await CountAsync());
        var page = await client.GetJsonAsync("/api/enterprises?q=" + Uri.EscapeDataString("接口导入测试"));
        Assert.Equal("xiangcheng", page["items"]![0]!["district"]!["code"]!.GetValue<string>());

        var bad = "企业名称,统一社会信用代码\n坏代码公司,91350100M000100Y44\n"u8.ToArray();
        using var refused = await client.PostAsync("/api/enterprises/import?dryRun=false", new MultipartFormDataContent { { new ByteArrayContent(bad), "file", "bad.csv" } }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("第18位", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var anonymous = _app.CreateClient();
        using var denied = await anonymous.PostAsync("/api/enterprises/import?dryRun=true", Form(), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, denied.StatusCode);
    }

    [Fact]
    public async Task Import_NotASpreadsheet_IsRefusedWithTheFileNameAndReason()
    {
        var png = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        var report = await ImportAsync("photo.xlsx", png);
        Assert.False(report.Applied);
        Assert.Contains("photo.xlsx", report.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NoNameColumn_SaysWhichColumnIsMissing()
    {
        var report = await ImportAsync("x.csv", new MemoryStream("公司编号,备注\n1,a\n"u8.ToArray()));
        Assert.Contains("企业名称", report.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_GbkEncodedCsv_IsReadAsExcelSavesItOnChineseWindows()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gbk = System.Text.Encoding.GetEncoding("GB18030").GetBytes("企业名称,所属板块\n苏州编码测试有限公司,吴中区\n");
        var report = await ImportAsync("gbk.csv", new MemoryStream(gbk), dryRun: true);
        Assert.False(report.HasErrors, report.FileError);
        Assert.Equal(1, report.Created);
    }

    [Fact]
    public async Task Import_LegacyXlsWorkbook_ReadsTextDatesAndNumbersAsTheOfficeTypedThem()
    {
        // tests/fixtures/import/enterprises-legacy.xls: Excel 97-2003 (BIFF8), written by make-legacy-xls.py beside it.
        var bytes = await File.ReadAllBytesAsync(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "import", "enterprises-legacy.xls"), Ct);
        var report = await ImportAsync("名单（旧版）.xls", new MemoryStream(bytes));
        Assert.True(report.Applied, report.FileError ?? string.Join("; ", report.Errors.Select(e => e.Message)));
        Assert.Equal(2, report.Created);

        var stored = await _app.WithDbAsync(db => db.Set<Enterprise>().Include(e => e.Figures).Include(e => e.District).Include(e => e.ChainLinks).ThenInclude(l => l.ChainNode)
            .Where(e => e.Name.StartsWith("苏州旧表格")).OrderBy(e => e.Name).ToListAsync(Ct));
        var vision = stored.Single(e => e.CreditCode == "91320594MA1XL5007P");
        Assert.Equal(("sip", new DateOnly(2016, 5, 20)), (vision.District!.Code, vision.EstablishedOn));
        Assert.Equal("vision", Assert.Single(vision.ChainLinks).ChainNode!.Code);
        Assert.Equal((2024, 42_000_000m, 85), (Assert.Single(vision.Figures).Year, vision.Figures[0].Revenue, vision.Figures[0].Employees));
        var speech = stored.Single(e => e.CreditCode is null);
        Assert.Equal(12_505_000m, Assert.Single(speech.Figures).Revenue);
        Assert.Equal(new DateOnly(2019, 11, 2), speech.EstablishedOn);
    }

    [Fact]
    public async Task Import_DamagedXls_IsRefusedAsAnExcelFileNamingIt()
    {
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        var report = await ImportAsync("坏文件.xls", new MemoryStream([.. header, .. new byte[600]]));
        Assert.False(report.Applied);
        Assert.Contains("坏文件.xls", report.FileError, StringComparison.Ordinal);
        Assert.Contains(".xls", report.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FormulaLikeNames_AreNeutralisedAndTheFileImportsBackUnchanged()
    {
        var csv = "企业名称,所属板块,主营业务\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",相城区,@SUM(1+1)\n公式测试二号有限公司,相城区,+cmd\n";
        var created = await ImportAsync("formula.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)));
        Assert.True(created.Applied, created.FileError ?? string.Join("; ", created.Errors.Select(e => e.Message)));

        var exported = new MemoryStream();
        await using (var scope = _app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ExportEnterprises>().WriteAsync(new ListEnterprises.Query(District: "xiangcheng"), exported, Ct);
        }

        exported.Position = 0;
        var rows = MiniExcel.Query(exported, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var names = rows.Select(r => r["企业名称"]?.ToString()).ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil\",\"x\")", names);
        Assert.Contains(rows, r => r["主营业务"]?.ToString() == "'@SUM(1+1)");
        Assert.All(rows.SelectMany(r => r.Values).OfType<string>(), v => Assert.False(v.Length > 0 && v[0] is '=' or '+' or '-' or '@', v));
    }
}

public sealed class SqliteImportTests(TestApp<SqliteTarget> app) : ImportTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresImportTests(TestApp<PostgresTarget> app) : ImportTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
