using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Plans;

/// <summary>When the platform sends 催报 by itself (section "Reports"): a local time of day, off when empty.</summary>
public sealed class ReminderScheduleOptions
{
    /// <summary>"09:00": every day at this time every plan's units with overdue reports are reminded (each at most weekly).</summary>
    public string? RemindAt { get; set; }

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public DailyTime Daily => new() { At = RemindAt, TimeZone = TimeZone };
}

/// <summary>
/// The daily 催报 inside the platform, replacing an external cron job: one job a day however many nodes there
/// are (visible under the jobs, with its count); the run itself is serialized by a database lock and each unit
/// is reminded at most weekly.
/// </summary>
public sealed class ReminderSchedule(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderScheduleOptions> options, DatabasePreparation preparation, ILogger<ReminderSchedule> logger)
    : DailyJobSchedule(scopes, clock, preparation, logger)
{
    protected override string Kind => ReportRemindersJob.KindName;

    protected override DailyTime When => options.Value.Daily;

    /// <summary>Reminds every plan's units with overdue reports, under a lock all nodes share; returns the units reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        var reminders = scope.ServiceProvider.GetRequiredService<ReportReminders>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7340002)", cancellationToken);
            }

            var units = 0;
            foreach (var plan in await db.Set<ActionPlan>().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken))
            {
                units += (await reminders.SendAsync(plan, "remind (scheduled)", cancellationToken, TimeSpan.FromDays(7)))?.Count(s => s.Recipients > 0) ?? 0;
            }

            await transaction.CommitAsync(cancellationToken);
            return units;
        });
    }
}

/// <summary>The day's scheduled 催报 as a job; the result is how many units were reminded.</summary>
public sealed class ReportRemindersJob : JobKind<object, ReportRemindersJob.Reminded>
{
    public const string KindName = "report-reminders";

    public sealed record Reminded(int Units);

    public override string Name => KindName;

    public override string Title => Infrastructure.Web.Ui.L("每日催报", "Daily report reminders");

    protected override async Task<Reminded> RunAsync(object parameters, JobRun run, IServiceProvider services, CancellationToken cancellationToken) =>
        new(await services.GetRequiredService<ReminderSchedule>().RunOnceAsync(cancellationToken));
}
