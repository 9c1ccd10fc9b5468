using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Jobs;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Jobs;

/// <summary>
/// One job as its owner sees it: state, progress (live when it runs on this node), result and output files.
/// A job is seen by the person who queued it and by system and security admins; to anyone else it does
/// not exist.
/// </summary>
public sealed class GetJob(InnoClusterDbContext db, IEnumerable<IJobKind> kinds, JobProgressBoard board, TimeProvider clock, Microsoft.Extensions.Options.IOptions<JobOptions> options)
{
    public sealed record OutputFile(long Id, string Name, string ContentType, long Size, string Url);

    public sealed record View(
        long Id, string Kind, string Title, JobState State, int Done, int? Total, string? Stage, string? StageText, DateTimeOffset CreatedAt,
        DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Attempts, string? Error, string CreatedBy,
        IReadOnlyList<OutputFile> Outputs, JsonElement? Result)
    {
        public bool IsFinished => State is JobState.Succeeded or JobState.Failed;

        /// <summary>Done as a share of the total, 0–100, when the total is known.</summary>
        public int? Percent => Total is > 0 ? Math.Clamp(Done * 100 / Total.Value, 0, 100) : IsFinished ? 100 : null;

        [JsonIgnore]
        public object? ResultModel { get; init; }

        [JsonIgnore]
        public string? ResultPartial { get; init; }

        /// <summary>Finished longer ago than files are kept: its files are gone, its result stays.</summary>
        public bool FilesDeleted { get; init; }
    }

    public async Task<View?> RunAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var job = await db.Set<BackgroundJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null || !MaySee(user, job.CreatedById))
        {
            return null;
        }

        var outputs = await db.Set<JobFile>().AsNoTracking().Where(f => f.JobId == id && f.Role == JobFileRole.Output).OrderBy(f => f.Ordinal)
            .Select(f => new { f.Id, f.Name, f.ContentType, Size = (long)f.Content.Length }).ToListAsync(cancellationToken);
        var kind = kinds.FirstOrDefault(k => k.Name == job.Kind);
        var live = board.Get(id);
        var (done, total, stage) = live is { } p && job.State == JobState.Running ? (p.Done, p.Total, p.Stage) : (job.Done, job.Total, job.Stage);
        return new View(
            job.Id, job.Kind, kind?.Title ?? job.Kind, job.State, done, total, stage, stage is null ? null : kind?.StageText(stage) ?? stage,
            job.CreatedAt, job.StartedAt, job.FinishedAt, job.Attempts, ErrorText(job.Error), job.CreatedByName,
            [.. outputs.Select(o => new OutputFile(o.Id, o.Name, o.ContentType, o.Size, $"/api/jobs/{id}/files/{o.Id}"))],
            job.Result is null ? null : JsonDocument.Parse(job.Result).RootElement.Clone())
        {
            ResultModel = job.State == JobState.Succeeded ? kind?.ReadResult(job.Result) : null,
            ResultPartial = kind?.ResultPartial,
            FilesDeleted = job.FinishedAt < clock.GetUtcNow() - options.Value.KeepFilesFor,
        };
    }

    /// <summary>An output file of a job the person may see; null otherwise.</summary>
    public async Task<JobFile?> OutputAsync(long id, long fileId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var owner = await db.Set<BackgroundJob>().AsNoTracking().Where(j => j.Id == id).Select(j => new { j.CreatedById }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || !MaySee(user, owner.CreatedById))
        {
            return null;
        }

        return await db.Set<JobFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.JobId == id && f.Role == JobFileRole.Output, cancellationToken);
    }

    public static bool MaySee(ClaimsPrincipal user, string? ownerId) =>
        (ownerId is not null && ownerId == user.FindFirstValue(ClaimTypes.NameIdentifier)) || user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.SecurityAdmin);

    private static string? ErrorText(string? error) => error == BackgroundJob.Interrupted
        ? Ui.L("任务所在的服务器多次中断，任务已停止；请重新提交。", "The server running the job stopped under it too often; the job has stopped. Submit it again.")
        : error;
}
