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

    public TimeOnly? Time => TimeOnly.TryParse(RemindAt, System.Globalization.CultureInfo.InvariantCulture, out var time) ? time : null;

    /// <summary>The first moment at <see cref="Time"/> after <paramref name="now"/>, in the configured zone.</summary>
    public DateTimeOffset Next(DateTimeOffset now, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(time), zone.GetUtcOffset(local.DateTime));
        return candidate > now ? candidate : candidate.AddDays(1);
    }
}

/// <summary>
/// The daily 催报 inside the platform, replacing an external cron job. At the configured time every node
/// queues the day's reminder job under one key, so there is one job a day however many nodes there are
/// (visible under the jobs, with its count); the run itself is serialized by a database lock and each unit
/// is reminded at most weekly.
/// </summary>
public sealed class ReminderSchedule(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderScheduleOptions> options, DatabasePreparation preparation, ILogger<ReminderSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Time is not { } time)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = options.Value.Next(clock.GetUtcNow(), time);
            await Task.Delay(next - clock.GetUtcNow(), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                if (preparation.IsReady)
                {
                    var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone)).DateTime);
                    await using var scope = scopes.CreateAsyncScope();
                    var job = await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(
                        ReportRemindersJob.KindName, null, [], stoppingToken, uniqueKey: $"{ReportRemindersJob.KindName}:{day:yyyy-MM-dd}");
                    logger.LogInformation("Scheduled 催报 for {Day} queued as job {Job}", day, job);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled 催报 could not be queued; it is tried again tomorrow");
            }
        }
    }

    /// <summary>Reminds every plan's units with overdue reports, under a lock all nodes share; returns the units reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
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
