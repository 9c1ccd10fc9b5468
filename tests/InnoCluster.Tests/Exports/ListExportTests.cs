using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using MiniExcelLibs;

namespace InnoCluster.Tests.Exports;

/// <summary>
/// Every list exports what its reader sees on it, with the same filters, as a workbook: carriers, demands,
/// solutions (public), requests and proposals (signed in, each reader only theirs).
/// </summary>
public abstract class ListExportTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected ListExportTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<IDictionary<string, object?>>> RowsAsync(HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        return MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    private static List<string?> Column(List<IDictionary<string, object?>> rows, string column) => rows.Select(r => r[column]?.ToString()).ToList();

    [Fact]
    public async Task Carriers_ExportHasEveryCarrierOfTheFilterWithLabelsInTheReadersLanguage()
    {
        var client = _app.CreateClient();
        var listed = (await client.GetJsonAsync("/api/carriers")).AsArray().Select(c => (string?)c!["name"]!.GetValue<string>()).ToList();
        var rows = await RowsAsync(client, "/api/carriers/export");
        Assert.Equal(listed, Column(rows, "名称"));
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Column(rows, "序号"));
        Assert.DoesNotContain(rows, r => r["类型"]?.ToString() is { } kind && kind.Any(char.IsAsciiLetter));

        var inSip = (await client.GetJsonAsync("/api/carriers?district=sip")).AsArray().Count;
        Assert.InRange(inSip, 1, listed.Count - 1);
        var english = await RowsAsync(client, "/api/carriers/export?district=sip", "en");
        Assert.Equal(inSip, english.Count);
        Assert.All(english, r => Assert.Equal("Suzhou Industrial Park", r["District"]?.ToString()));
    }

    [Fact]
    public async Task Demands_AVisitorExportsOnlyWhatTheListShowsThem()
    {
        var client = _app.CreateClient();
        var listed = await client.GetJsonAsync("/api/demands?pageSize=200");
        var rows = await RowsAsync(client, "/api/demands/export");
        Assert.Equal(listed["total"]!.GetValue<int>(), rows.Count);
        Assert.Equal(listed["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()), Column(rows, "需求"));
        Assert.All(Column(rows, "状态"), s => Assert.Equal("已发布", s));
        Assert.All(Column(rows, "链接"), link => Assert.Matches(@"^https?://[^/]+/scenarios/\d+$", link));

        // A fresh install's clauses wait for an official's confirmation: the official's list holds them all.
        var official = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        var clauses = (await official.GetJsonAsync("/api/clauses")).AsArray();
        Assert.NotEmpty(clauses);
        var clauseRows = await RowsAsync(official, "/api/clauses/export");
        Assert.Equal(clauses.Select(c => (string?)c!["title"]!.GetValue<string>()), Column(clauseRows, "条款"));
        Assert.Equal((await client.GetJsonAsync("/api/clauses")).AsArray().Count, (await RowsAsync(client, "/api/clauses/export")).Count);
        var englishClauses = await RowsAsync(official, "/api/clauses/export", "en");
        Assert.Equal(clauses.Count, englishClauses.Count);
        Assert.DoesNotContain(englishClauses, r => r["Support"]?.ToString() is { } method && method.Any(c => c >= '\u4e00' && c <= '\u9fff'));

        var solutions = await client.GetJsonAsync("/api/solutions?pageSize=200");
        Assert.Equal(solutions["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()), Column(await RowsAsync(client, "/api/solutions/export"), "解决方案"));
    }

    [Fact]
    public async Task Requests_AFirmExportsOnlyItsOwn_TheDeskAll()
    {
        async Task<(HttpClient Client, int Firm)> FirmAsync(string name)
        {
            var id = await _app.WithDbAsync(async db =>
            {
                var firm = new Features.Registry.Enterprise { Name = name + Guid.NewGuid().ToString("N")[..6], CreatedAt = _app.Clock.GetUtcNow(), UpdatedAt = _app.Clock.GetUtcNow() };
                db.Add(firm);
                await db.SaveChangesAsync(Ct);
                return firm.Id;
            });
            return (await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Enterprise], enterpriseId: id)), id);
        }

        var (mine, _) = await FirmAsync("导出测试甲");
        var (theirs, _) = await FirmAsync("导出测试乙");
        var desk = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        foreach (var (client, topic) in new[] { (mine, "导出测试：用电增容"), (theirs, "导出测试：人才公寓") })
        {
            using var filed = await client.PostAsJsonAsync("/api/appeals", new { topic, text = "请协调办理。" }, Ct);
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        Assert.Equal(["导出测试：用电增容"], Column(await RowsAsync(mine, "/api/appeals/export"), "诉求"));
        var all = Column(await RowsAsync(desk, "/api/appeals/export?status=Received"), "诉求");
        Assert.Contains("导出测试：用电增容", all);
        Assert.Contains("导出测试：人才公寓", all);
        Assert.Equal((await desk.GetJsonAsync("/api/appeals?status=Received&pageSize=100"))["total"]!.GetValue<int>(), all.Count);

        using var anonymous = await _app.CreateClient().GetAsync(new Uri("/api/appeals/export", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var proposals = await desk.GetJsonAsync("/api/proposals?pageSize=100");
        Assert.Equal(proposals["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()), Column(await RowsAsync(desk, "/api/proposals/export"), "标题"));
    }
}

public sealed class SqliteListExportTests(TestApp<SqliteTarget> app) : ListExportTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresListExportTests(TestApp<PostgresTarget> app) : ListExportTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
