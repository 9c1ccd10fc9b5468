using System.Text.Json.Nodes;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace InnoCluster.Tests.Registry;

/// <summary>
/// Nothing invented: a seed fact is loaded only when its quote states it. The whole seed dataset passes this
/// check every time any test app starts; here the rule itself, and a bad record stopping start-up.
/// </summary>
public sealed class SeedTruthTests
{
    [Theory]
    [InlineData("蘇州長光華芯光電技術(shù)股份有限公司,生產(chǎn)的高功率", "苏州长光华芯光电技术股份有限公司")] // traditional script, pinyin artefacts
    [InlineData("支持思必驰加快建设科技部“语言计算”人工智能开放创新平台", "思必驰")]
    [InlineData("推动沪苏人工智能(昆山)创新应用中心、华为 (苏州)人工智能创新中心", "华为（苏州）人工智能创新中心")] // widths and a stray space
    public void States_TheFactAsWrittenInAnyScript(string quote, string fact) => Assert.True(SeedFacts.States(quote, [fact]));

    [Theory]
    [InlineData("同元软控“系统设计与仿真验证平台”在国家“十三五”科技创新成就展中展出;", "苏州工业园区")] // a place the sentence does not name
    [InlineData("頭樣開發時間從100天降至27天", "波司登集团")]
    public void DoesNotState_WhatTheQuoteLeavesOut(string quote, string fact)
    {
        Assert.False(SeedFacts.States(quote, [fact]));
        var refused = Assert.Throws<InvalidDataException>(() => SeedFacts.Require(quote, "enterprises.json, enterprise 'x'", "district", [fact]));
        Assert.Contains("enterprises.json, enterprise 'x', district", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasTwoDistrictsShare_CountsOnlyInADocumentAboutTheDistrictsCity()
    {
        // 003 (无锡) writes 高新区 for 无锡高新区; the seed gives 央视网 that district by such a sentence and loads.
        var enterprises = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Seed, "enterprises.json")))!.AsArray();
        var cctv = enterprises.Single(e => e!["key"]!.GetValue<string>() == "cctv-net")!;
        Assert.Equal(("wuxi-xinwu", "003"), (cctv["district"]!["code"]!.GetValue<string>(), cctv["district"]!["source"]!["source"]!.GetValue<string>()));
        Assert.DoesNotContain("无锡", cctv["district"]!["source"]!["quote"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeedRecordWhoseQuoteDoesNotStateItsFact_StopsStartUp_NamingTheRecordAndField()
    {
        var seed = Directory.CreateTempSubdirectory("innocluster-bad-seed-");
        try
        {
            CopyDirectory(TestPaths.Seed, seed.FullName);
            var path = Path.Combine(seed.FullName, "enterprises.json");
            var enterprises = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!.AsArray();
            var tongyuan = enterprises.Single(e => e!["key"]!.GetValue<string>() == "tongyuan-softcontrol")!.AsObject();
            // The sentence is verbatim in 000, an article about the park, but it does not say where 同元软控 is.
            tongyuan["district"] = new JsonObject
            {
                ["code"] = "sip",
                ["source"] = new JsonObject { ["source"] = "000", ["quote"] = "同元软控“系统设计与仿真验证平台”在国家“十三五”科技创新成就展中展出;" },
            };
            await File.WriteAllTextAsync(path, enterprises.ToJsonString(), TestContext.Current.CancellationToken);

            await using var app = new SeedDirectoryApp(seed.FullName);
            var failure = Assert.ThrowsAny<Exception>(() => app.Server);
            var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
            Assert.Contains("enterprises.json, enterprise 'tongyuan-softcontrol', district: the quote does not state “苏州工业园区”", messages, StringComparison.Ordinal);
        }
        finally
        {
            seed.Delete(recursive: true);
        }
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    private sealed class SeedDirectoryApp(string seedDirectory) : TestApp<SqliteTarget>
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("InnoCluster:SeedDirectory", seedDirectory);
    }
}
