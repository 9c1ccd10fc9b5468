using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>The office publishes the proposed result (公示) once every application in review is decided; objections may be filed until it ends.</summary>
public sealed class StartPublicity(InnoClusterDbContext db, CallRecords records, GetPublicity publicity, TimeProvider clock)
{
    public async Task<Result<GetPublicity.Result>> RunAsync(int callId, CancellationToken cancellationToken)
    {
        if (await records.CallAsync(callId, cancellationToken) is not { } call)
        {
            return Problem.NotFound();
        }

        var undecided = (await db.Set<CallApplication>().AsNoTracking().Where(a => a.CallId == callId).ToListAsync(cancellationToken))
            .Count(a => a.IsInReview(call) && a.Status is not (ApplicationStatus.Selected or ApplicationStatus.NotSelected));
        if (undecided > 0)
        {
            return Problem.Conflict($"还有 {undecided} 件申报未作决定 / {undecided} applications are not decided yet");
        }

        if (call.StartPublicity(clock.GetUtcNow()) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await publicity.RunAsync(callId, cancellationToken))!;
    }
}
