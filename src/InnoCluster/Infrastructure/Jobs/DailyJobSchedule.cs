using InnoCluster.Infrastructure.Seeding;

namespace InnoCluster.Infrastructure.Jobs;

/// <summary>A time of day in a time zone ("09:00", Asia/Shanghai); no time: off.</summary>
public sealed class DailyTime
{
    public string? At { get; set; }

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeOnly? Time => TimeOnly.TryParse(At, System.Globalization.CultureInfo.InvariantCulture, out var time) ? time : null;

    /// <summary>The first moment at <paramref name="time"/> after <paramref name="now"/>, in the zone.</summary>
    public DateTimeOffset Next(DateTimeOffset now, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(time), zone.GetUtcOffset(local.DateTime));
        return candidate > now ? candidate : candidate.AddDays(1);
    }

    /// <summary>The local date a moment falls on, in the zone (the key of that day's job).</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}

/// <summary>
/// Work the platform does by itself once a day, replacing an external cron job: at the configured time every
/// node queues the day's job under one key, so there is one job a day however many nodes there are, and it
/// shows among the jobs with its result.
/// </summary>
public abstract class DailyJobSchedule(IServiceScopeFactory scopes, TimeProvider clock, DatabasePreparation preparation, ILogger logger) : BackgroundService
{
    protected IServiceScopeFactory Scopes => scopes;

    protected abstract string Kind { get; }

    protected abstract DailyTime When { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (When.Time is not { } time)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = When.Next(clock.GetUtcNow(), time);
            await Task.Delay(next - clock.GetUtcNow(), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                if (preparation.IsReady)
                {
                    var day = When.DayOf(next);
                    await using var scope = scopes.CreateAsyncScope();
                    var job = await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(Kind, null, [], stoppingToken, uniqueKey: $"{Kind}:{day:yyyy-MM-dd}");
                    logger.LogInformation("Daily {Kind} for {Day} queued as job {Job}", Kind, day, job);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Daily {Kind} could not be queued; it is tried again tomorrow", Kind);
            }
        }
    }
}
