using System.Text.Json.Nodes;
using InnoCluster.Features.Registry;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Registry;

/// <summary>The registry's public API on a real database, seeded from data/seed.</summary>
public abstract class RegistryApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;
    private readonly HttpClient _client;

    protected RegistryApiTests(TestApp<TTarget> app)
        : base(app)
    {
        this.app = app;
        _client = app.CreateClient();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_AfterStart_Returns200()
    {
        using var response = await _client.GetAsync("/health", Ct);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Enterprises_Seeded_HoldEveryEnterpriseOfTheSeedFile()
    {
        var seedCount = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.Seed, "enterprises.json"), Ct))!.AsArray().Count;
        var page = await _client.GetJsonAsync("/api/enterprises?pageSize=200");
        Assert.Equal(seedCount, page["total"]!.GetValue<int>());
        var first = page["items"]![0]!;
        foreach (var field in new[] { "name", "creditCode", "district", "tiers", "chainNodes" })
        {
            Assert.True(first.AsObject().ContainsKey(field), $"list items carry '{field}'");
        }
    }

    [Fact]
    public async Task Enterprises_WithoutAQuery_AreListedInPinyinOrder()
    {
        var page = await _client.GetJsonAsync("/api/enterprises?pageSize=200");
        var names = page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(InnoCluster.Text.PinyinOrder.Comparer), names);
        Assert.NotEqual(names.Order(StringComparer.Ordinal), names); // code-point order would differ on these names
        var second = await _client.GetJsonAsync("/api/enterprises?pageSize=20&page=2");
        Assert.Equal(names.Skip(20).Take(20), second["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Enterprises_FilterByDistrict_ReturnsOnlyThatDistrict()
    {
        var page = await _client.GetJsonAsync("/api/enterprises?district=wuxi-xinwu&pageSize=200");
        var names = page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToHashSet();
        // 大族机器人 is named in 003 only for a robot park under construction, with no place stated: its district is unknown.
        Assert.Equal(new HashSet<string> { "央视网", "中科曙光", "特赞", "中电海康" }, names);
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal("wuxi-xinwu", i!["district"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Enterprises_FilterBySegment_IncludesFirmsOnItsNodes()
    {
        // 核心硬件 holds 中科可控 … directly and 长光华芯 also through its 半导体 node.
        var page = await _client.GetJsonAsync("/api/enterprises?node=core-hardware&pageSize=200");
        var names = page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("中科可控", names);
        Assert.Contains("苏州长光华芯光电技术股份有限公司", names);
        Assert.Contains("江苏南大光电材料股份有限公司", names);
        Assert.DoesNotContain("科沃斯", names);
    }

    [Theory]
    [InlineData("芯片", "苏州长光华芯光电技术股份有限公司")]
    [InlineData("大模型", "企查查")]
    [InlineData("DFM-2", "思必驰科技股份有限公司")]
    [InlineData("dfm-2", "思必驰科技股份有限公司")]
    [InlineData("九识智能", "九识(苏州)智能科技有限公司")]
    [InlineData("扫地机器人", "科沃斯")]
    [InlineData("氮化镓", "英诺赛科(苏州)科技股份有限公司")]
    [InlineData("91320000134787614X", null)]
    public async Task Enterprises_TextQuery_FindsByWhatTheyDo(string q, string? expectedFirst)
    {
        var page = await _client.GetJsonAsync("/api/enterprises?q=" + Uri.EscapeDataString(q));
        var names = page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        if (expectedFirst is null)
        {
            Assert.Empty(names);
        }
        else
        {
            Assert.Contains(expectedFirst, names);
        }
    }

    [Fact]
    public async Task Enterprises_NameQuery_RanksTheNamedFirmFirst()
    {
        var page = await _client.GetJsonAsync("/api/enterprises?q=" + Uri.EscapeDataString("思必驰"));
        Assert.Equal("思必驰科技股份有限公司", page["items"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enterprises_UnknownDistrict_IsAProblemDetails400()
    {
        using var response = await _client.GetAsync("/api/enterprises?district=atlantis", Ct);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("atlantis", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprise_Details_QuoteEveryFactVerbatimFromItsSource()
    {
        var id = await app.WithDbAsync(db => db.Set<Enterprise>().Where(e => e.SeedKey == "aispeech").Select(e => e.Id).SingleAsync(Ct));
        var details = await _client.GetJsonAsync($"/api/enterprises/{id}");
        Assert.Equal("思必驰科技股份有限公司", details["name"]!.GetValue<string>());
        Assert.False(details["creditCodeKnown"]!.GetValue<bool>());
        Assert.Equal(2007, details["establishedYear"]!.GetValue<int>());
        Assert.Equal("sip", details["district"]!["code"]!.GetValue<string>());
        Assert.Contains(details["products"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "DFM-2");

        var quotes = details["statements"]!.AsArray().Select(s => s!["source"]!).ToList();
        Assert.NotEmpty(quotes);
        foreach (var source in quotes.Concat(details["chainNodes"]!.AsArray().Select(c => c!["source"]!)))
        {
            var file = source["source"]!.GetValue<string>();
            var quote = source["quote"]!.GetValue<string>();
            var text = await File.ReadAllTextAsync(Path.Combine(TestPaths.SeedDocuments, file), Ct);
            Assert.Contains(quote, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Enterprise_Unknown_Returns404()
    {
        using var response = await _client.GetAsync("/api/enterprises/987654", Ct);
        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task Chain_Taxonomy_HasTheDocumentsLayersNodesAndWeakLinks()
    {
        var chain = await _client.GetJsonAsync("/api/chain");
        var layers = chain["layers"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["foundation", "framework", "model", "technology", "application"], layers);

        var all = Flatten(chain["layers"]!.AsArray()).ToList();
        foreach (var name in new[] { "智能芯片", "智能传感器", "算力", "语音识别", "计算机视觉", "自然语言处理", "智能制造", "智慧医疗", "智能交通" })
        {
            Assert.Contains(all, n => n["name"]!.GetValue<string>() == name);
        }

        var vertical = all.Single(n => n["code"]!.GetValue<string>() == "vertical-llm");
        Assert.Equal(3, vertical["totalCount"]!.GetValue<int>()); // 企查查, 智慧芽, 清睿教育
        Assert.Equal("ok", vertical["strength"]!.GetValue<string>());
        var smartHome = all.Single(n => n["code"]!.GetValue<string>() == "smart-home");
        Assert.Equal("few", smartHome["strength"]!.GetValue<string>()); // 思必驰 only
        var weak = chain["weakLinks"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Contains("bci", weak); // no firm named for 脑机接口
        Assert.DoesNotContain("foundation", weak);
    }

    [Fact]
    public async Task Districts_ListTheTenSuzhouDistrictsAndWuxi()
    {
        var districts = await _client.GetJsonAsync("/api/districts");
        var suzhou = districts.AsArray().Where(d => d!["city"]!.GetValue<string>() == "苏州").ToList();
        Assert.Equal(10, suzhou.Count);
        var sip = suzhou.Single(d => d!["code"]!.GetValue<string>() == "sip")!;
        Assert.True(sip["isCoreZone"]!.GetValue<bool>());
        Assert.Contains("智能芯片", sip["specialities"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheRegistryEndpoints()
    {
        var doc = await _client.GetJsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/enterprises", paths);
        Assert.Contains("/api/enterprises/{id}", paths);
        Assert.Contains("/api/chain", paths);
        Assert.Contains("/api/districts", paths);
    }

    [Fact]
    public async Task Migrations_Model_HasNoPendingChanges()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "the model has changes no migration holds: run scripts/add-migration.sh");
    }

    private static IEnumerable<JsonNode> Flatten(JsonArray nodes) =>
        nodes.SelectMany(n => Flatten(n!["children"]!.AsArray()).Prepend(n!));
}

public sealed class SqliteRegistryApiTests(TestApp<SqliteTarget> app) : RegistryApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresRegistryApiTests(TestApp<PostgresTarget> app) : RegistryApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
