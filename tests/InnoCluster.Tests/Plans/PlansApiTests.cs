using InnoCluster.Tests.Infrastructure;

namespace InnoCluster.Tests.Plans;

/// <summary>The action plan read from 004 at first start, through the API, on both databases.</summary>
public abstract class PlansApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected PlansApiTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    [Fact]
    public async Task Seed_ReadsThe004PlanWithItsTargetsAndSources()
    {
        var client = app.CreateClient();
        var plan = (await client.GetJsonAsync("/api/plans")).AsArray().Single()!;
        Assert.Equal((2023, 2025), (plan["startYear"]!.GetValue<int>(), plan["endYear"]!.GetValue<int>()));
        Assert.Equal(17, plan["targets"]!.GetValue<int>());

        var targets = (await client.GetJsonAsync($"/api/plans/{plan["id"]}/targets")).AsArray();
        var core = targets.Single(t => t!["targetText"]!.GetValue<string>() == "超过300亿元")!;
        Assert.Equal(30_000_000_000m, core["targetValue"]!.GetValue<decimal>());
        Assert.Equal(("元", "MoreThan", 2025), (core["unit"]!.GetValue<string>(), core["qualifier"]!.GetValue<string>(), core["deadline"]!.GetValue<int>()));
        Assert.Contains("核心产业规模超过300亿元", core["sources"]![0]!["quote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(core["latestValue"]);
        Assert.Equal("NoData", core["status"]!.GetValue<string>());

        var annual = targets.Single(t => t!["period"]!.GetValue<string>() == "Annual")!;
        Assert.Equal((20m, "About"), (annual["targetValue"]!.GetValue<decimal>(), annual["qualifier"]!.GetValue<string>()));
        Assert.Equal(404, (int)(await client.GetAsync("/api/plans/987654/targets", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class SqlitePlansApiTests(TestApp<SqliteTarget> app) : PlansApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresPlansApiTests(TestApp<PostgresTarget> app) : PlansApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
