using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.Home;

/// <summary>The home page leads to every public part of the platform, says what its district count holds, and has an icon.</summary>
public sealed class HomePageTests(TestApp<SqliteTarget> app) : IClassFixture<TestApp<SqliteTarget>>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheHomePage_LeadsToThePolicies_TheScenarios_AndThePlan()
    {
        var home = await app.CreateClient().GetStringAsync("/", Ct);
        foreach (var href in new[] { "/chain", "/districts", "/carriers", "/search", "/clauses", "/scenarios", "/plans" })
        {
            Assert.Contains($"class=\"card\" href=\"{href}\"", home, StringComparison.Ordinal);
        }

        // The seed's districts are Suzhou's ten and Wuxi's 新吴区 (003): the card says so rather than "ten" beside 11.
        Assert.Contains("苏州十大板块见行动计划(五)，无锡高新区（新吴区）见其工信局答复", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSite_HasAnIcon()
    {
        var client = app.CreateClient();
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\" />", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
        using var icon = await client.GetAsync("/favicon.svg", Ct);
        icon.EnsureSuccessStatusCode();
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnEmptyClauseList_SaysWhy_AndHowManyAwaitConfirmation()
    {
        var proposed = await app.WithDbAsync(db => db.Set<InnoCluster.Features.Calculator.PolicyClause>()
            .CountAsync(c => c.Status == InnoCluster.Features.Calculator.ClauseStatus.Proposed, Ct));
        Assert.True(proposed > 0, "the seed proposes clauses from its documents");
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/clauses", Ct);
        Assert.Contains($"条款需经集群办确认后公开 — 目前有 {proposed} 条待确认。", page, StringComparison.Ordinal);
        var filtered = await client.GetStringAsync("/clauses?q=" + Uri.EscapeDataString("没有这样的条款词语"), Ct);
        Assert.Contains("没有符合筛选条件的条款。", filtered, StringComparison.Ordinal);
        Assert.Contains("href=\"/clauses\">清除筛选", filtered, StringComparison.Ordinal);
    }
}
