using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Infrastructure.Jobs;

public enum JobState
{
    /// <summary>Waiting for a runner (again, after an interruption or a transient failure).</summary>
    Queued = 0,

    Running = 1,

    Succeeded = 2,

    Failed = 3,
}

/// <summary>
/// Long work (an import, a document batch, a PDF, a reindex, the daily reminders) kept as a row: who asked,
/// what for, how far it has come and what came of it. A node claims the row for a while (a lease it renews
/// while it works), so one job runs on one node at a time; a job whose node died is taken up again when the
/// lease runs out. Every kind of job is all-or-nothing or idempotent, so running it again is safe.
/// </summary>
public sealed class BackgroundJob
{
    /// <summary>Attempts (first run and re-runs after an interruption or transient failure) before a job fails for good.</summary>
    public const int MaxAttempts = 3;

    /// <summary>The error of a job whose node stopped under it every time it was tried (the page says it in words).</summary>
    public const string Interrupted = "interrupted";

    public long Id { get; set; }

    /// <summary>The job kind's name (<see cref="IJobKind.Name"/>).</summary>
    public string Kind { get; set; } = "";

    public JobState State { get; set; }

    /// <summary>The kind's parameters as JSON.</summary>
    public string? Parameters { get; set; }

    /// <summary>What came of it, as JSON (the import report, the files ingested …).</summary>
    public string? Result { get; set; }

    /// <summary>Why it failed, when it failed.</summary>
    public string? Error { get; set; }

    public int Done { get; set; }

    public int? Total { get; set; }

    /// <summary>What it is doing now ("validate", "write" …); the kind's page shows it in the person's language.</summary>
    public string? Stage { get; set; }

    /// <summary>At most one job per key (a day's reminders): a second request for the same key is the same job.</summary>
    public string? UniqueKey { get; set; }

    public string? CreatedById { get; set; }

    public string CreatedByName { get; set; } = "";

    public string? CreatedFrom { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not run before this time (a retry's back-off).</summary>
    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Attempts { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>The input files, saved with the job in one transaction (a runner never sees a job without them).</summary>
    public List<JobFile> Files { get; set; } = [];

    public bool IsFinished => State is JobState.Succeeded or JobState.Failed;

    /// <summary>After a failed attempt: run again after a back-off, or fail for good after <see cref="MaxAttempts"/>.</summary>
    public void AttemptFailed(string error, DateTimeOffset at)
    {
        Error = error.Length > 2000 ? error[..2000] : error;
        ClaimedBy = null;
        ClaimedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            State = JobState.Failed;
            FinishedAt = at;
        }
        else
        {
            State = JobState.Queued;
            NotBefore = at + TimeSpan.FromSeconds(15 * Attempts);
        }
    }

    public void Completed(string? result, DateTimeOffset at)
    {
        State = JobState.Succeeded;
        Result = result;
        Error = null;
        FinishedAt = at;
        ClaimedBy = null;
        ClaimedUntil = null;
        if (Total is { } total)
        {
            Done = total;
        }
    }
}

public enum JobFileRole
{
    /// <summary>A file the job works on (the uploaded spreadsheet), kept in the database so any node can run it.</summary>
    Input = 0,

    /// <summary>A file the job made (the PDF), for the person to download from the job page.</summary>
    Output = 1,
}

public sealed class JobFile
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public JobFileRole Role { get; set; }

    public int Ordinal { get; set; }

    public string Name { get; set; } = "";

    public string ContentType { get; set; } = "application/octet-stream";

    /// <summary>Kept out of the audit trail's change record (which notes only that it was written).</summary>
    [Auditing.Sensitive]
    public byte[] Content { get; set; } = [];
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> b)
    {
        b.ToTable("background_jobs");
        b.HasIndex(j => new { j.State, j.NotBefore });
        b.HasIndex(j => new { j.CreatedById, j.CreatedAt });
        b.HasIndex(j => j.UniqueKey).IsUnique();
        b.Property(j => j.Kind).HasMaxLength(60);
        b.Property(j => j.State).HasConversion<string>().HasMaxLength(12);
        b.Property(j => j.Stage).HasMaxLength(60);
        b.Property(j => j.UniqueKey).HasMaxLength(120);
        b.Property(j => j.Error).HasMaxLength(2000);
        b.Property(j => j.CreatedById).HasMaxLength(64);
        b.Property(j => j.CreatedByName).HasMaxLength(320);
        b.Property(j => j.CreatedFrom).HasMaxLength(64);
        b.Property(j => j.ClaimedBy).HasMaxLength(100);
    }
}

internal sealed class JobFileConfiguration : IEntityTypeConfiguration<JobFile>
{
    public void Configure(EntityTypeBuilder<JobFile> b)
    {
        b.ToTable("job_files");
        b.HasIndex(f => new { f.JobId, f.Role, f.Ordinal }).IsUnique();
        b.HasOne<BackgroundJob>().WithMany(j => j.Files).HasForeignKey(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.Role).HasConversion<string>().HasMaxLength(8);
        b.Property(f => f.Name).HasMaxLength(260);
        b.Property(f => f.ContentType).HasMaxLength(120);
    }
}
