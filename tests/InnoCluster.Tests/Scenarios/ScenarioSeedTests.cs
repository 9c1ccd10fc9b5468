using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Scenarios;

/// <summary>The scenario cases and figures the source documents report, as the seed loads them: only what the documents say.</summary>
public abstract class ScenarioSeedTests<TTarget>(TestApp<TTarget> app) : DatabaseTests<TTarget>(app)
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app = app;

    [Fact]
    public async Task Seed_CasesFromTheSourceDocuments_AreLandedWithTheirSentences_AndTheReportedFiguresStandBesideThePlatformsCounts()
    {
        var cases = (await app.CreateClient().GetJsonAsync("/api/scenarios/cases")).AsArray();
        var drone = Assert.Single(cases, c => c!["scenario"]!.GetValue<string>().StartsWith("低空物流+医药急送", StringComparison.Ordinal))!;
        Assert.Null(drone["vendor"]);
        Assert.Equal("苏州大学附属儿童医院（总院）", drone["owner"]!.GetValue<string>());
        Assert.Contains("7.8公里外", drone["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2024-07-19", drone["landedAt"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        // The firms that deployed it in their own operations are the owners; no vendor is made up for them.
        var bosideng = Assert.Single(cases, c => c!["scenario"]!.GetValue<string>().Contains("100天降至27天", StringComparison.Ordinal))!;
        Assert.Equal(("波司登", null), (bosideng["owner"]!.GetValue<string>(), bosideng["vendor"]?.GetValue<string>()));
        Assert.Null(Assert.Single(cases, c => c!["scenario"]!.GetValue<string>().StartsWith("光纤光棒工厂", StringComparison.Ordinal))!["vendor"]);
        Assert.Equal(["东声智能", "九识(苏州)智能科技有限公司", "艾信医疗"], cases.Where(c => c!["source"] is not null).Select(c => c!["vendor"]?.GetValue<string>()).OfType<string>().Order(StringComparer.Ordinal));
        // A product launch is not a deployed demand: the DFM-2 story is not a case.
        Assert.DoesNotContain(cases, c => c!["scenario"]!.GetValue<string>().Contains("DFM-2", StringComparison.Ordinal));

        // No source describes contact, negotiation or a contract: each case's pair holds one step, Landed, recorded from its document.
        var official = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        foreach (var item in cases.Where(c => c!["source"] is not null))
        {
            var steps = (await official.GetJsonAsync($"/api/dockings/{item!["dockingId"]!.GetValue<int>()}"))["steps"]!.AsArray();
            Assert.Equal("Landed", Assert.Single(steps)!["stage"]!.GetValue<string>());
        }

        var funnel = await app.CreateClient().GetJsonAsync("/api/scenarios/funnel");
        var figures = funnel["figures"]!.AsArray().ToDictionary(f => f!["key"]!.GetValue<string>(), f => f!);
        Assert.Equal((71, 16, 34), (figures["lists"]["reported"]!.GetValue<int>(), figures["events"]["reported"]!.GetValue<int>(), figures["landed"]["reported"]!.GetValue<int>()));
        Assert.Contains("34个应用场景落地", figures["landed"]["quote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(figures["landed"]["onPlatform"]!.GetValue<int>() >= 6);
        // A recorded landing counts as landed only, and a case without a named vendor is not "matched" (the drone flight is the 低空经济 sector's only demand).
        var lowAltitude = funnel["bySector"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == "低空经济")!["counts"]!;
        Assert.Equal((1, 0, 0, 0, 1), (lowAltitude["published"]!.GetValue<int>(), lowAltitude["matched"]!.GetValue<int>(), lowAltitude["docked"]!.GetValue<int>(), lowAltitude["signed"]!.GetValue<int>(), lowAltitude["landed"]!.GetValue<int>()));
        // Recorded steps carry the document's date, not when they happened: no time-in-stage figure from them.
        Assert.DoesNotContain(funnel["timeInStage"]!.AsArray(), t => t!["medianDays"]!.GetValue<double>() == 0 && t["pairs"]!.GetValue<int>() >= 6);

        // The board says why more have landed than were docked, and in English its unstated sectors and districts are English too.
        var board = await app.CreateClient().GetStringAsync("/scenarios", TestContext.Current.CancellationToken);
        Assert.Contains("已落地数含来源文件记载的落地案例", board, StringComparison.Ordinal);
        var english = await app.CreateClient().GetStringAsync("/scenarios?culture=en&ui-culture=en", TestContext.Current.CancellationToken);
        Assert.Contains("Not stated", english, StringComparison.Ordinal);
        Assert.DoesNotContain("未注明", english, StringComparison.Ordinal);
        Assert.DoesNotContain("未分类", english, StringComparison.Ordinal);
    }
}

public sealed class SqliteScenarioSeedTests(TestApp<SqliteTarget> app) : ScenarioSeedTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresScenarioSeedTests(TestApp<PostgresTarget> app) : ScenarioSeedTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
