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

    /// <summary>2026 as it stood before its notice came out: no notice, weekdays only (an administrator's corrections stay).</summary>
    private Task ForgetThe2026NoticeAsync() => _app.WithDbAsync(async db =>
    {
        db.RemoveRange(await db.Set<CalendarDay>().Where(d => d.NoticeYear == 2026 && d.EditedBy == null).ToListAsync(Ct));
        db.Remove(await db.Set<HolidayNotice>().SingleAsync(n => n.Year == 2026, Ct));
        return await db.SaveChangesAsync(Ct);
    });

    /// <summary>Runs the calendar's seed step, as a new release's start-up does.</summary>
    private async Task RunTheCalendarSeedAsync()
    {
        await using var scope = _app.Scope();
        var step = scope.ServiceProvider.GetServices<ISeedStep>().OfType<CalendarSeedStep>().Single();
        var db = scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Data.InnoClusterDbContext>();
        await step.ApplyAsync(db, new SeedContext(scope.ServiceProvider.GetRequiredService<InnoClusterPaths>(), _app.Clock, scope.ServiceProvider), Ct);
    }

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
        await RunTheCalendarSeedAsync();

        var day = (await admin.GetFromJsonAsync<JsonObject>("/api/calendar/2026", Ct))!["days"]!.AsArray().Single(d => d!["date"]!.GetValue<string>() == "2026-06-22")!;
        Assert.Equal(("Holiday", "测试：市政府通知另行放假一天"), (day["kind"]!.GetValue<string>(), day["reason"]!.GetValue<string>()));
        Assert.Null(day["quote"]);
    }

    [Fact]
    public async Task ANoticeAnAdministratorEnters_SetsItsYear_AndRecountsTheOpenRequestsDeadlines()
    {
        await ForgetThe2026NoticeAsync();
        try
        {
            await PublishedByAnAdministratorAsync();
        }
        finally
        {
            await RunTheCalendarSeedAsync(); // the other tests read 2026 as seeded, whatever happened here
        }
    }

    private async Task PublishedByAnAdministratorAsync()
    {
        var firmId = await _app.WithDbAsync(db => db.Set<InnoCluster.Features.Registry.Enterprise>().OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct));
        var official = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        using var filed = await official.PostAsJsonAsync("/api/appeals", new { topic = "国庆前来电", text = "节前来电反映补贴未到账。", enterpriseId = firmId, channel = "Hotline12345", receivedAt = "2026-09-30T10:00:00+08:00" }, Ct);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var appeal = (await filed.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.True(appeal["dueIsProvisional"]!.GetValue<bool>());
        Assert.Equal(DateTimeOffset.Parse("2026-10-02T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), appeal["acceptDueAt"]!.GetValue<DateTimeOffset>()); // Thursday 10/1 as a weekday

        var text = await File.ReadAllTextAsync(Path.Combine(TestPaths.Seed, "calendar", "2026.txt"), Ct);
        object Notice(string body) => new { year = 2026, title = "国务院办公厅关于2026年部分节假日安排的通知", issuer = "国务院办公厅", issuedOn = "2025-11-04", url = "https://politics.gmw.cn/2025-11/04/content_38391083.htm", published = "新华社北京11月4日电", text = body };
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsJsonAsync("/api/calendar/notices", Notice(text), Ct)).StatusCode);

        var admin = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.SystemAdmin]));
        using var misprinted = await admin.PostAsJsonAsync("/api/calendar/notices", Notice(text.Replace("1月4日（周日）上班", "1月4日（周一）上班", StringComparison.Ordinal)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, misprinted.StatusCode);
        var problem = await misprinted.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"text\"", problem, StringComparison.Ordinal);
        Assert.Contains("1月4日（周一）上班", problem, StringComparison.Ordinal);
        Assert.False((await admin.GetFromJsonAsync<JsonObject>("/api/calendar/2026", Ct))!["known"]!.GetValue<bool>()); // nothing stored
        using var noSource = await admin.PostAsJsonAsync("/api/calendar/notices", new { year = 2026, title = "国务院办公厅关于2026年部分节假日安排的通知", text }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        var missing = await noSource.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"issuer\"", missing, StringComparison.Ordinal);
        Assert.Contains("\"url\"", missing, StringComparison.Ordinal);

        using var published = await admin.PostAsJsonAsync("/api/calendar/notices", Notice(text), Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var outcome = (await published.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal((33, 6), (outcome["holidays"]!.GetValue<int>(), outcome["workingDays"]!.GetValue<int>()));
        Assert.True(outcome["requestsRecounted"]!.GetValue<int>() >= 1);
        Assert.True((await admin.GetFromJsonAsync<JsonObject>("/api/calendar/2026", Ct))!["known"]!.GetValue<bool>());

        var recounted = (await official.GetFromJsonAsync<JsonObject>($"/api/appeals/{appeal["id"]!.GetValue<int>()}", Ct))!;
        Assert.False(recounted["dueIsProvisional"]!.GetValue<bool>());
        Assert.Equal(DateTimeOffset.Parse("2026-10-09T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), recounted["acceptDueAt"]!.GetValue<DateTimeOffset>()); // 10/1–10/7 off: Thursday 10/8
        Assert.Equal("recount", recounted["steps"]!.AsArray()[^1]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task ANoticeShippedWithARelease_RecountsTheOpenRequestsDeadlines_WhenTheSeedStoresIt()
    {
        await ForgetThe2026NoticeAsync();
        try
        {
            await RecountedBySeedAsync();
        }
        finally
        {
            await RunTheCalendarSeedAsync();
        }
    }

    private async Task RecountedBySeedAsync()
    {
        var firmId = await _app.WithDbAsync(db => db.Set<InnoCluster.Features.Registry.Enterprise>().OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct));
        var official = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.Official]));
        using var filed = await official.PostAsJsonAsync("/api/appeals", new { topic = "劳动节前来访", text = "节前来访反映用地问题。", enterpriseId = firmId, channel = "Visit", receivedAt = "2026-04-30T10:00:00+08:00" }, Ct);
        var id = (await filed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();

        await RunTheCalendarSeedAsync();

        var recounted = (await official.GetFromJsonAsync<JsonObject>($"/api/appeals/{id}", Ct))!;
        Assert.False(recounted["dueIsProvisional"]!.GetValue<bool>());
        Assert.Equal(DateTimeOffset.Parse("2026-05-07T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), recounted["acceptDueAt"]!.GetValue<DateTimeOffset>()); // 5/1–5/5 off: Wednesday 5/6
        var last = recounted["steps"]!.AsArray()[^1]!;
        Assert.Equal("recount", last["action"]!.GetValue<string>());
        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知", last["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_AreInTheReadersLanguage_AcceptLanguageForTheApi_TheSwitchForPages()
    {
        async Task<JsonObject> ProblemAsync(HttpClient client, HttpRequestMessage request)
        {
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        }

        HttpRequestMessage Due(string? acceptLanguage, string? cookie = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/calendar/due?workingDays=-1");
            if (acceptLanguage is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            }

            if (cookie is not null)
            {
                request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(cookie));
            }

            return request;
        }

        var client = _app.CreateClient();
        Assert.Equal("工作日数无效", (await ProblemAsync(client, Due(null)))["title"]!.GetValue<string>());
        Assert.Equal("invalid number of working days", (await ProblemAsync(client, Due("en-US,en;q=0.9")))["title"]!.GetValue<string>());
        Assert.Equal("工作日数无效", (await ProblemAsync(client, Due("en-US", "c=zh-CN|uic=zh-CN")))["title"]!.GetValue<string>()); // a browser's page script: the switch wins

        var admin = await TestUsers.TokenClientAsync(_app, await TestUsers.CreateAsync(_app, [Roles.SystemAdmin]));
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/calendar/notices") { Content = JsonContent.Create(new { year = 2031 }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var fields = (await ProblemAsync(admin, english))["errors"]!.AsObject();
        Assert.Equal("the issuer (e.g. 国务院办公厅)", fields["issuer"]![0]!.GetValue<string>());
        using var chinese = new HttpRequestMessage(HttpMethod.Post, "/api/calendar/notices") { Content = JsonContent.Create(new { year = 2031 }) };
        var detail = await ProblemAsync(admin, chinese);
        Assert.Equal("请填写发文机关（如 国务院办公厅）", detail["errors"]!["issuer"]![0]!.GetValue<string>());
        Assert.DoesNotContain(" / ", detail["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/calendar?year=2026");
        page.Headers.AcceptLanguage.ParseAdd("en-US");
        using var shown = await client.SendAsync(page, Ct);
        Assert.Contains("2026年工作日历", await shown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal); // pages stay Chinese-first
    }
}

public sealed class SqliteCalendarApiTests(TestApp<SqliteTarget> app) : CalendarApiTests<SqliteTarget>(app), IClassFixture<TestApp<SqliteTarget>>;

public sealed class PostgresCalendarApiTests(TestApp<PostgresTarget> app) : CalendarApiTests<PostgresTarget>(app), IClassFixture<TestApp<PostgresTarget>>;
