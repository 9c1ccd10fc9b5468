using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using InnoCluster.Features.Plans;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Registry;

/// <summary>
/// The plan's figures read from the firms' yearly figures — 核心产业规模 as the revenue summed in 元, 超十亿级企业 as the
/// firms of 10亿元 revenue or more — for the last full year before the day, as a direct SQL sum and count say.
/// </summary>
public abstract class YearlyFigureCountTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> app;

    protected YearlyFigureCountTests(TestApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RevenueSumsAndRevenueClasses_AgreeWithDirectSql_ForTheLastFullYear_TodayAndOnAPastDay()
    {
        var today = BeijingTime.Today(app.Clock);
        var past = new DateOnly(today.Year - 1, 6, 30);
        const decimal Yi = 100_000_000m;
        await app.WithDbAsync(async db =>
        {
            Enterprise Firm(string name, params YearlyFigure[] figures) => new()
            {
                Name = name + Guid.NewGuid().ToString("N")[..6], CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(), Figures = [.. figures],
            };
            YearlyFigure Year(int year, decimal? revenue, int? employees = null, int? patents = null) => new() { Year = year, Revenue = revenue, Employees = employees, PatentsValid = patents };
            db.AddRange(
                Firm("甲营收", Year(today.Year - 1, 62.5m * Yi, 3_000, 40), Year(today.Year - 2, 52m * Yi, 2_800, 30)),
                Firm("乙营收", Year(today.Year - 1, 12.25m * Yi, patents: 8), Year(today.Year - 2, 9m * Yi)),
                Firm("丙营收", Year(today.Year - 1, 3m * Yi), Year(today.Year - 3, 30m * Yi)),
                Firm("丁营收", Year(today.Year - 1, null, 120), Year(today.Year - 2, 15m * Yi, patents: 12)),
                Firm("戊营收", Year(today.Year, 80m * Yi))); // this year's figures are not complete yet and never count today
            return await db.SaveChangesAsync(Ct);
        });

        async Task<(int Target, int Plan)> TargetInAsync(params string[] units) => await app.WithDbAsync(async db => await db.Set<PlanTarget>()
            .Where(t => (t.Period == TargetPeriod.ByDeadline || t.Period == TargetPeriod.Cumulative) && units.Contains(t.Unit)).OrderBy(t => t.Id)
            .Select(t => new Tuple<int, int>(t.Id, t.PlanId)).FirstAsync(Ct) is var row ? (row.Item1, row.Item2) : default);
        var office = await TestUsers.TokenClientAsync(app, await TestUsers.CreateAsync(app, [Roles.Official]));
        var firms = await TargetInAsync("家", "个");
        var yuan = await TargetInAsync("元");
        var pieces = await TargetInAsync("个");
        await office.PutAsJsonAsync($"/api/plan-targets/{firms.Target}/indicator", new { computed = "figures:revenue" }, Ct).AnsweredAsync(HttpStatusCode.BadRequest); // a sum of money for a count of firms
        await office.PutAsJsonAsync($"/api/plan-targets/{yuan.Target}/indicator", new { computed = "figures:revenue>=10" }, Ct).AnsweredAsync(HttpStatusCode.BadRequest);
        await office.PutAsJsonAsync($"/api/plan-targets/{yuan.Target}/indicator", new { computed = "figures:turnover" }, Ct).AnsweredAsync(HttpStatusCode.BadRequest);

        foreach (var (spec, select, where, (target, plan)) in new[]
        {
            ("figures:revenue", "COALESCE(SUM(f.revenue), 0)", "", yuan),
            ("figures:revenue>=10", "COUNT(*)", " AND CAST(f.revenue AS REAL) >= 1000000000", firms),
            ("figures:revenue>=50", "COUNT(*)", " AND CAST(f.revenue AS REAL) >= 5000000000", firms),
            ("figures:patents-valid", "COALESCE(SUM(f.patents_valid), 0)", "", pieces),
            ("figures:patents-valid>=10", "COUNT(*)", " AND f.patents_valid >= 10", firms),
        })
        {
            await office.PutAsJsonAsync($"/api/plan-targets/{target}/indicator", new { computed = spec }, Ct).AnsweredAsync(HttpStatusCode.NoContent);
            foreach (var (day, asOf) in new[] { (today, (DateOnly?)null), (past, past) })
            {
                var sql = $"SELECT CAST({select} AS NUMERIC) AS \"Value\" FROM enterprise_yearly_figures f WHERE f.year = {day.Year - 1}{where}";
                var direct = await app.WithDbAsync(db => db.Database.SqlQueryRaw<decimal>(sql).SingleAsync(Ct));
                var shown = (await office.GetJsonAsync($"/api/plans/{plan}/targets" + (asOf is { } a ? $"?asOf={a:yyyy-MM-dd}" : ""))).AsArray()
                    .Single(t => t!["id"]!.GetValue<int>() == target)!["latestValue"]?.GetValue<decimal>() ?? 0m;
                Assert.True(direct == shown, $"{spec} on {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: SQL {direct}, platform {shown}");
                Assert.True(shown > 0, $"{spec} on {day:yyyy-MM-dd} counted nothing: the test's firms should count");
            }
        }

        // Staff is summed as the table holds it; this year's figures (戊) stay out.
        using var scope = app.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<RegistryCounts>();
        var staff = await app.WithDbAsync(db => db.Database.SqlQuery<decimal>($"SELECT CAST(COALESCE(SUM(employees), 0) AS NUMERIC) AS \"Value\" FROM enterprise_yearly_figures WHERE year = {today.Year - 1}").SingleAsync(Ct));
        Assert.Equal(staff, await registry.FiguresAsync(new FigureCount(FigureMeasure.Employees, null), today, Ct));
        Assert.True(staff >= 3_120);
    }

    [Theory]
    [InlineData("figures:revenue", true, "元")]
    [InlineData("figures:revenue>=50", true, "家")]
    [InlineData("figures:rd-spend", true, "元")]
    [InlineData("figures:employees", true, "人")]
    [InlineData("figures:employees>=1000", true, "家")]
    [InlineData("figures:patents-granted", true, "件")]
    [InlineData("figures:patents-valid>=10", true, "家")]
    [InlineData("figures:revenue>=0", false, null)]
    [InlineData("figures:revenue>=ten", false, null)]
    [InlineData("figures:profit", false, null)]
    [InlineData("figures:", false, null)]
    public void ASpec_ParsesOnlyWhenEveryPartIsKnown_AndSaysWhichTargetsItMeasures(string spec, bool valid, string? unit)
    {
        Assert.Equal(valid, FigureCount.TryParseSpec(spec, out var count));
        Assert.Equal(valid, ComputedIndicator.TryParse(spec, out var indicator));
        if (valid)
        {
            Assert.Equal(spec, count!.Spec);
            Assert.Contains(unit!, indicator!.Units);
            Assert.Equal("/enterprises", indicator.Link);
        }
    }
}

public sealed class SqliteYearlyFigureCountTests(TestApp<SqliteTarget> app) : YearlyFigureCountTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresYearlyFigureCountTests(TestApp<PostgresTarget> app) : YearlyFigureCountTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
