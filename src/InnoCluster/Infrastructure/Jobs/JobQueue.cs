using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Infrastructure.Jobs;

/// <summary>A file handed to a job (the uploaded spreadsheet, each document of a batch).</summary>
public sealed record JobInput(string Name, string ContentType, byte[] Content);

/// <summary>Queues a job for the person acting now (or the system), with its input files, and wakes the runner.</summary>
public sealed class JobQueue(InnoClusterDbContext db, IAuditActor actor, TimeProvider clock, JobSignal signal)
{
    public async Task<long> EnqueueAsync(string kind, object? parameters, IReadOnlyList<JobInput> inputs, CancellationToken cancellationToken, string? uniqueKey = null)
    {
        if (uniqueKey is not null && await ExistingAsync(uniqueKey, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var job = new BackgroundJob
        {
            Kind = kind,
            Parameters = parameters is null ? null : System.Text.Json.JsonSerializer.Serialize(parameters, JobJson.Options),
            UniqueKey = uniqueKey,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
            CreatedFrom = actor.Address,
            CreatedAt = now,
            NotBefore = now,
            Files = [.. inputs.Select((f, i) => new JobFile { Role = JobFileRole.Input, Ordinal = i, Name = Path.GetFileName(f.Name), ContentType = f.ContentType, Content = f.Content })],
        };
        db.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (uniqueKey is not null)
        {
            // Another node queued the same key a moment ago: that job is this one.
            db.ChangeTracker.Clear();
            return await ExistingAsync(uniqueKey, cancellationToken) ?? throw new InvalidOperationException($"Job key {uniqueKey} neither saved nor found.");
        }

        Telemetry.InnoClusterMetrics.JobsQueued.Add(1, new KeyValuePair<string, object?>("kind", kind));
        signal.Wake();
        return job.Id;
    }

    /// <summary>
    /// Queues a job on the input files of an earlier job of the same kind that the person acting now queued
    /// (a dry run's spreadsheet, imported for real); null when there is no such job of theirs.
    /// </summary>
    public async Task<long?> EnqueueAgainAsync(long earlierJobId, string kind, object? parameters, CancellationToken cancellationToken)
    {
        var mine = actor.Id is { } me && await db.Set<BackgroundJob>().AnyAsync(j => j.Id == earlierJobId && j.Kind == kind && j.CreatedById == me, cancellationToken);
        if (!mine)
        {
            return null;
        }

        var inputs = await db.Set<JobFile>().AsNoTracking().Where(f => f.JobId == earlierJobId && f.Role == JobFileRole.Input).OrderBy(f => f.Ordinal)
            .Select(f => new JobInput(f.Name, f.ContentType, f.Content)).ToListAsync(cancellationToken);
        return await EnqueueAsync(kind, parameters, inputs, cancellationToken);
    }

    private Task<long?> ExistingAsync(string uniqueKey, CancellationToken cancellationToken) =>
        db.Set<BackgroundJob>().AsNoTracking().Where(j => j.UniqueKey == uniqueKey).Select(j => (long?)j.Id).SingleOrDefaultAsync(cancellationToken);
}
