using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Infrastructure.Jobs;

/// <summary>
/// Claims queued jobs (a lease in the row, one conditional UPDATE, so of several nodes one wins) and runs
/// them: as the person who queued them, with the lease and the progress written back while they work, and
/// the outcome recorded at the end. A job whose node stopped (killed, or shut down mid-way) is queued again
/// when its lease runs out, or at once when the node shuts down cleanly.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, TimeProvider clock, IEnumerable<IJobKind> kinds, JobProgressBoard board, IOptions<JobOptions> options, ILogger<JobRunner> logger)
{
    private static string Node => ThisNode.Name;

    private readonly Dictionary<string, IJobKind> _kinds = kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>Claims the next due job and starts it; null when none is due.</summary>
    public async Task<Task?> TryStartNextAsync(CancellationToken stoppingToken)
    {
        var job = await ClaimNextAsync(stoppingToken);
        return job is null ? null : Task.Run(() => RunAsync(job, stoppingToken), CancellationToken.None);
    }

    /// <summary>Runs due jobs one after another until none is due (for the CLI and tests); returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (await ClaimNextAsync(cancellationToken) is { } job)
        {
            await RunAsync(job, cancellationToken);
            count++;
        }

        return count;
    }

    private async Task<BackgroundJob?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        var now = clock.GetUtcNow();
        var due = await Due(db, now).AsNoTracking().OrderBy(j => j.Id).Select(j => j.Id).Take(20).ToListAsync(cancellationToken);
        foreach (var id in due.Where(id => !board.IsRunningHere(id)))
        {
            var until = now + options.Value.Lease;
            var claimed = await Due(db, now).Where(j => j.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.ClaimedBy, Node).SetProperty(j => j.ClaimedUntil, until)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.StartedAt, j => j.StartedAt ?? now),
                cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var job = await db.Set<BackgroundJob>().SingleAsync(j => j.Id == id, cancellationToken);
            if (job.Attempts > BackgroundJob.MaxAttempts)
            {
                // Interrupted (its node died) as often as a job may be tried: stop taking it up.
                job.AttemptFailed(job.Error ?? BackgroundJob.Interrupted, now);
                job.State = JobState.Failed;
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            board.Start(id);
            return job;
        }

        return null;
    }

    /// <summary>Deletes the files of jobs finished longer ago than <see cref="JobOptions.KeepFilesFor"/>; returns how many.</summary>
    public async Task<int> DeleteOldFilesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.KeepFilesFor;
        var old = db.Set<BackgroundJob>().Where(j => j.FinishedAt < cutoff).Select(j => j.Id);
        return await db.Set<JobFile>().Where(f => old.Contains(f.JobId)).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<BackgroundJob> Due(InnoClusterDbContext db, DateTimeOffset now) =>
        db.Set<BackgroundJob>().Where(j => (j.State == JobState.Queued && j.NotBefore <= now) || (j.State == JobState.Running && j.ClaimedUntil < now));

    private async Task RunAsync(BackgroundJob job, CancellationToken stoppingToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = Task.Run(() => RenewAsync(job.Id, heartbeatStop.Token), CancellationToken.None);
        string outcome;
        CliActor.Current = new CliActor(job.CreatedById, job.CreatedByName, job.CreatedFrom);
        try
        {
            if (!_kinds.TryGetValue(job.Kind, out var kind))
            {
                throw new JobFailedException($"Unknown job kind '{job.Kind}'");
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
            var inputs = await db.Set<JobFile>().AsNoTracking().Where(f => f.JobId == job.Id && f.Role == JobFileRole.Input).OrderBy(f => f.Ordinal).ToListAsync(stoppingToken);
            var run = new JobRun(job, inputs, board);
            var result = await kind.RunAsync(run, scope.ServiceProvider, stoppingToken);
            outcome = await FinishAsync(job.Id, j =>
            {
                j.Completed(result, clock.GetUtcNow());
                return run.Outputs;
            }, CancellationToken.None) ? "succeeded" : "lost";
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the work was rolled back; another node (or this one after restart) takes it up now.
            outcome = await FinishAsync(job.Id, j =>
            {
                j.State = JobState.Queued;
                j.Attempts--;
                j.ClaimedBy = null;
                j.ClaimedUntil = null;
                return [];
            }, CancellationToken.None) ? "released" : "lost";
        }
        catch (Exception ex)
        {
            var permanent = ex is JobFailedException;
            if (!permanent)
            {
                logger.LogError(ex, "Job {Job} ({Kind}) failed on attempt {Attempt}", job.Id, job.Kind, job.Attempts);
            }

            outcome = await FinishAsync(job.Id, j =>
            {
                j.AttemptFailed(permanent ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow());
                if (permanent)
                {
                    j.State = JobState.Failed;
                    j.FinishedAt = clock.GetUtcNow();
                }

                return [];
            }, CancellationToken.None) ? "failed" : "lost";
        }
        finally
        {
            CliActor.Current = null;
            await heartbeatStop.CancelAsync();
            await heartbeat;
            board.Remove(job.Id);
        }

        var tag = new KeyValuePair<string, object?>("kind", job.Kind);
        Telemetry.InnoClusterMetrics.JobsFinished.Add(1, tag, new KeyValuePair<string, object?>("outcome", outcome));
        Telemetry.InnoClusterMetrics.JobDuration.Record(started.Elapsed.TotalSeconds, tag);
        logger.LogInformation("Job {Job} ({Kind}) {Outcome} in {Seconds:F1}s", job.Id, job.Kind, outcome, started.Elapsed.TotalSeconds);
    }

    /// <summary>Records the end of an attempt, if this node still holds the job; false when another node took it over.</summary>
    private async Task<bool> FinishAsync(long id, Func<BackgroundJob, IReadOnlyList<JobFile>> finish, CancellationToken cancellationToken)
    {
        var progress = board.Get(id);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var job = await db.Set<BackgroundJob>().SingleAsync(j => j.Id == id, cancellationToken);
            if (job.ClaimedBy != Node)
            {
                logger.LogWarning("Job {Job} was taken over by {Node}; this node's outcome is dropped", id, job.ClaimedBy);
                return false;
            }

            if (progress is { } p)
            {
                (job.Done, job.Total, job.Stage) = (p.Done, p.Total, p.Stage);
            }

            db.AddRange(finish(job));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        });
    }

    /// <summary>Renews the lease and copies the live progress into the row, until the job ends.</summary>
    private async Task RenewAsync(long id, CancellationToken stop)
    {
        var every = options.Value.Lease / 8;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(every, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<InnoClusterDbContext>();
                var until = clock.GetUtcNow() + options.Value.Lease;
                var progress = board.Get(id) ?? new JobProgress(0, null, "start");
                await db.Set<BackgroundJob>().Where(j => j.Id == id && j.ClaimedBy == Node).ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.ClaimedUntil, until).SetProperty(j => j.Done, progress.Done)
                        .SetProperty(j => j.Total, progress.Total).SetProperty(j => j.Stage, progress.Stage),
                    stop);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                // The database busy with the job's own write (SQLite) or away for a moment: renew at the next beat.
                logger.LogDebug(ex, "Lease renewal for job {Job} failed", id);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Runs queued jobs in the background, up to <see cref="JobOptions.Workers"/> at once.</summary>
public sealed class JobRunnerService(JobRunner runner, JobSignal signal, DatabasePreparation preparation, IOptions<JobOptions> options, ILogger<JobRunnerService> logger)
    : PollingService(signal, preparation, logger)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    private DateTimeOffset _filesCheckedAt = DateTimeOffset.MinValue;

    protected override async Task PassAsync(CancellationToken stoppingToken)
    {
        if (TimeProvider.System.GetUtcNow() - _filesCheckedAt > TimeSpan.FromHours(1))
        {
            _filesCheckedAt = TimeProvider.System.GetUtcNow();
            await runner.DeleteOldFilesAsync(stoppingToken);
        }

        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            while (running.Count < Math.Max(1, options.Value.Workers) && await runner.TryStartNextAsync(stoppingToken) is { } started)
            {
                running.Add(started);
            }

            if (running.Count == 0)
            {
                return;
            }

            await Task.WhenAny([.. running, signal.WaitAsync(PollInterval, stoppingToken)]);
            running.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(running);
    }
}
