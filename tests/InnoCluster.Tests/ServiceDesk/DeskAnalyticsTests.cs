using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.ServiceDesk;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Tests.ServiceDesk;

/// <summary>The office's analytics counted by the database: by theme, district and unit, on-time and satisfaction rates, overdue now, recurring themes.</summary>
public abstract class DeskAnalyticsTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected DeskAnalyticsTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Day(int day, int hour = 10) => new DateTimeOffset(2020, 3, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task March2020_IsCountedByTheme_District_AndUnit()
    {
        var (firms, district) = await _app.WithDbAsync(async db =>
        {
            var ids = await db.Set<InnoCluster.Features.Registry.Enterprise>().OrderBy(e => e.Id).Select(e => e.Id).Take(3).ToListAsync(Ct);
            var d = await db.Set<InnoCluster.Features.Registry.District>().OrderBy(x => x.Id).Select(x => new { x.Id, x.Name }).FirstAsync(Ct);
            return (ids, d);
        });
        Appeal Make(int? firm, string? theme, string? unit, AppealStatus status, DateTimeOffset? resolvedAt = null, Satisfaction? rating = null) => new()
        {
            Topic = "分析测试", Text = "分析测试", EnterpriseId = firm, EnterpriseName = firm is null ? "" : "企业", DistrictId = firm == firms[0] ? district.Id : null, Theme = theme, LeadUnit = unit,
            Status = status, ReceivedAt = Day(2), AcceptDueAt = Day(3), ResolveDueAt = unit is null ? null : Day(20), FirstResponseDueAt = unit is null ? null : Day(6),
            FirstResponseAt = unit is null ? null : Day(5), ResolvedAt = resolvedAt, Rating = rating, FiledById = "test",
        };
        await _app.WithDbAsync(async db =>
        {
            db.AddRange(
                Make(firms[0], "政策兑现", "分析甲局", AppealStatus.Closed, Day(18), Satisfaction.Satisfied),
                Make(firms[1], "政策兑现", "分析甲局", AppealStatus.Closed, Day(25), Satisfaction.Dissatisfied),
                Make(firms[2], "政策兑现", "分析乙局", AppealStatus.InProgress),
                Make(firms[0], "融资", null, AppealStatus.Received),
                Make(null, "融资", null, AppealStatus.Received)); // a 12345 call that names no firm: a request, not a firm
            return await db.SaveChangesAsync(Ct);
        });

        var office = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        var unit = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Department], department: "分析甲局"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await unit.GetAsync("/api/appeals/analytics", Ct)).StatusCode);
        var result = (await office.GetFromJsonAsync<JsonObject>("/api/appeals/analytics?from=2020-03-01&to=2020-03-31", Ct))!;

        var total = result["total"]!;
        Assert.Equal((5, 3, 2, 1, 2, 3), (total["requests"]!.GetValue<int>(), total["firms"]!.GetValue<int>(), total["resolved"]!.GetValue<int>(), total["resolvedOnTime"]!.GetValue<int>(), total["rated"]!.GetValue<int>(), total["overdueNow"]!.GetValue<int>()));
        Assert.Equal(0.5, total["satisfactionRate"]!.GetValue<double>());

        var policy = result["byTheme"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "政策兑现")!;
        Assert.Equal((3, 3, 0.5, 1), (policy["requests"]!.GetValue<int>(), policy["firms"]!.GetValue<int>(), policy["resolvedOnTimeRate"]!.GetValue<double>(), policy["overdueNow"]!.GetValue<int>()));
        Assert.Equal(["政策兑现"], result["recurring"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()));

        Assert.Equal([("", 2), ("分析甲局", 2), ("分析乙局", 1)], result["byUnit"]!.AsArray().Select(r => (r!["key"]!.GetValue<string>(), r["requests"]!.GetValue<int>())));
        var byDistrict = result["byDistrict"]!.AsArray();
        Assert.Equal(2, byDistrict.Single(r => r!["label"]!.GetValue<string>() == district.Name)!["requests"]!.GetValue<int>());
        Assert.Equal(3, byDistrict.Single(r => r!["key"]!.GetValue<string>() == "")!["requests"]!.GetValue<int>());
    }
}

public sealed class SqliteDeskAnalyticsTests(TestApp<SqliteTarget> app) : DeskAnalyticsTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresDeskAnalyticsTests(TestApp<PostgresTarget> app) : DeskAnalyticsTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
