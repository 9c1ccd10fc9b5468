using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InnoCluster.Features.ServiceDesk;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.ServiceDesk;

/// <summary>The calendar as seeded from the notices, deadlines through the API, and an administrator's correction that a new seed run keeps.</summary>
public abstract class CalendarApiTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly TestApp<TTarget> _app;

    protected CalendarApiTests(TestApp<TTarget> app)
        : base(app) => _app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calendar_IsSeededFromTheNotices_WithTheirSources()
    {
        var client = _app.CreateClient();
        var year = (await client.GetFromJsonAsync<JsonObject>("/api/calendar/2026", Ct))!;
        Assert.True(year["known"]!.GetValue<bool>());
        Assert.Equal("国务院办公厅关于2026年部分节假日安排的通知", year["notice"]!["title"]!.GetValue<string>());
        Assert.Equal("https://politics.gmw.cn/2025-11/04/content_38391083.htm", year["notice"]!["url"]!.GetValue<string>());
        var days = year["days"]!.AsArray();
        var fromNotice = days.Where(d => d!["quote"] is not null).ToList(); // an administrator's test correction may sit beside them
        Assert.Equal((33, 6), (fromNotice.Count(d => d!["kind"]!.GetValue<string>() == "Holiday"), fromNotice.Count(d => d!["kind"]!.GetValue<string>() == "WorkingDay")));
        var worked = days.Single(d => d!["date"]!.GetValue<string>() == "2026-02-14")!;
        Assert.True(worked["working"]!.GetValue<bool>());
        Assert.Contains("2月14日（周六）", worked["quote"]!.GetValue<string>(), StringComparison.Ordinal);

        var unknown = (await client.GetFromJsonAsync<JsonObject>("/api/calendar/2027", Ct))!;
        Assert.False(unknown["known"]!.GetValue<bool>());
        Assert.Empty(unknown["days"]!.AsArray());
    }

    [Fact]
    public async Task Due_AcrossTheSpringFestival_AndProvisionalInAYearWithoutANotice()
    {
        var client = _app.CreateClient();
        var due = (await client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=" + Uri.EscapeDataString("2026-02-13T10:00:00+08:00") + "&workingDays=3", Ct))!;
        Assert.Equal(("2026-02-25", false), (due["day"]!.GetValue<string>(), due["provisional"]!.GetValue<bool>()));
        var later = (await client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=" + Uri.EscapeDataString("2026-12-30T10:00:00+08:00") + "&workingDays=3", Ct))!;
        Assert.True(later["provisional"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/calendar/due?workingDays=-1", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorsCorrection_CountsAtOnce_IsAudited_AndOutlivesANewSeedRun()
    {
        var official = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        var body = new { kind = "Holiday", name = "地方调整（测试）", reason = "测试：市政府通知另行放假一天" };
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PutAsJsonAsync("/api/calendar/days/2026-06-22", body, Ct)).StatusCode);

        var admin = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.SystemAdmin]));
        using var noReason = await admin.PutAsJsonAsync("/api/calendar/days/2026-06-22", new { kind = "Holiday", name = "地方调整" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var weekdayWorked = await admin.PutAsJsonAsync("/api/calendar/days/2026-06-23", new { kind = "WorkingDay", name = "调休", reason = "测试" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, weekdayWorked.StatusCode);

        // Monday 2026-06-22 becomes a holiday: a request received the Friday before, due in one working day, is due Tuesday.
        using var edited = await admin.PutAsJsonAsync("/api/calendar/days/2026-06-22", body, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var due = (await admin.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=" + Uri.EscapeDataString("2026-06-19T10:00:00+08:00") + "&workingDays=1", Ct))!;
        Assert.Equal("2026-06-23", due["day"]!.GetValue<string>());
        Assert.True(await _app.WithDbAsync(db => db.Set<InnoCluster.Infrastructure.Auditing.AuditEntry>().AnyAsync(e => e.Subject == "calendar_days" && e.Changes!.Contains("测试：市政府通知另行放假一天"), Ct)));

        // A new seed run (the notices' files changed) replaces the notices' days and keeps the administrator's.
        await using (var scope = _app.Scope())
        {
            var step = scope.ServiceProvider.GetServices<ISeedStep>().OfType<CalendarSeedStep>().Single();
            var db = scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>();
            await step.ApplyAsync(db, new SeedContext(scope.ServiceProvider.GetRequiredService<InnoClusterPaths>(), _app.Clock, scope.ServiceProvider), Ct);
        }

        var day = (await admin.GetFromJsonAsync<JsonObject>("/api/calendar/2026", Ct))!["days"]!.AsArray().Single(d => d!["date"]!.GetValue<string>() == "2026-06-22")!;
        Assert.Equal(("Holiday", "测试：市政府通知另行放假一天"), (day["kind"]!.GetValue<string>(), day["reason"]!.GetValue<string>()));
        Assert.Null(day["quote"]);
    }
}

public sealed class SqliteCalendarApiTests(TestApp<SqliteTarget> app) : CalendarApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresCalendarApiTests(TestApp<PostgresTarget> app) : CalendarApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
