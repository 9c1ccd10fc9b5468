using InnoCluster.Tests.Infrastructure;

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
}
