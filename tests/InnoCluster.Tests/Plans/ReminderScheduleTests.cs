using InnoCluster.Features.Plans;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Tests.Plans;

/// <summary>The platform with its daily 催报 at 09:00 Beijing time.</summary>
public sealed class ScheduledRemindersApp<TTarget> : TestApp<TTarget>
    where TTarget : DatabaseTarget, new()
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Reports:RemindAt", "09:00");
}

/// <summary>The daily 催报 runs inside the platform at its time, and a unit reminded this week is not reminded again.</summary>
public abstract class ReminderScheduleTests<TTarget> : DatabaseTests<TTarget>
    where TTarget : DatabaseTarget, new()
{
    private readonly ScheduledRemindersApp<TTarget> app;

    protected ReminderScheduleTests(ScheduledRemindersApp<TTarget> app)
        : base(app) => this.app = app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AtItsTime_UnitsWithOverdueReportsAreReminded_OncePerWeek()
    {
        await TestUsers.CreateAsync(app, [Roles.Department], department: "市大数据管理局");
        Task<int> ScheduledAsync() => app.WithDbAsync(db => db.Set<ReportReminder>().CountAsync(r => r.SentBy == "remind (scheduled)", Ct));
        Assert.Equal(0, await ScheduledAsync());

        // A day later the schedule has passed 09:00 in Beijing once.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await ScheduledAsync() == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100, Ct);
        }

        var first = await ScheduledAsync();
        Assert.True(first > 0, "the scheduled 催报 did not run");
        Assert.True(await app.WithDbAsync(db => db.Set<ReportReminder>().AnyAsync(r => r.SentBy == "remind (scheduled)" && r.Unit == "市大数据管理局" && r.Recipients == 1, Ct)));

        // The day's run is one job, under the day's key, with its count.
        var job = await app.WithDbAsync(db => db.Set<InnoCluster.Infrastructure.Jobs.BackgroundJob>().AsNoTracking().SingleAsync(j => j.Kind == ReportRemindersJob.KindName, Ct));
        Assert.StartsWith("report-reminders:", job.UniqueKey, StringComparison.Ordinal);
        Assert.Equal(InnoCluster.Infrastructure.Jobs.JobState.Succeeded, job.State);
        var reached = await app.WithDbAsync(db => db.Set<ReportReminder>().CountAsync(r => r.SentBy == "remind (scheduled)" && r.Recipients > 0, Ct));
        Assert.Contains($"\"units\":{reached}", job.Result, StringComparison.Ordinal);

        // Another node queuing the same day's job gets the same job; running the reminders again reminds nobody.
        await using (var scope = app.Scope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<InnoCluster.Infrastructure.Jobs.JobQueue>();
            Assert.Equal(job.Id, await queue.EnqueueAsync(ReportRemindersJob.KindName, null, [], Ct, uniqueKey: job.UniqueKey));
        }


        Assert.Equal(0, await app.Services.GetRequiredService<ReminderSchedule>().RunOnceAsync(Ct));
    }

    [Theory]
    [InlineData("2026-12-02T00:30:00Z", "2026-12-02T01:00:00Z")] // 08:30 in Beijing: today at 09:00
    [InlineData("2026-12-02T01:00:00Z", "2026-12-03T01:00:00Z")] // 09:00 exactly: tomorrow
    [InlineData("2026-12-02T20:00:00Z", "2026-12-03T01:00:00Z")] // 04:00 the next day in Beijing
    public void Next_IsTheNextNineOClockInBeijing(string now, string expected)
    {
        var daily = new ReminderScheduleOptions { RemindAt = "09:00" }.Daily;
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), daily.Next(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), daily.Time!.Value));
    }
}

public sealed class SqliteReminderScheduleTests(ScheduledRemindersApp<SqliteTarget> app) : ReminderScheduleTests<SqliteTarget>(app), IClassFixture<ScheduledRemindersApp<SqliteTarget>>;

public sealed class PostgresReminderScheduleTests(ScheduledRemindersApp<PostgresTarget> app) : ReminderScheduleTests<PostgresTarget>(app), IClassFixture<ScheduledRemindersApp<PostgresTarget>>;
