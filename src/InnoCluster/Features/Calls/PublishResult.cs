using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// After the 公示 ends with every objection answered, the office publishes the result: final, written into the
/// registry where it has a place (<see cref="ResultsIntoRecord"/>), and each firm is told.
/// </summary>
public sealed class PublishResult(InnoClusterDbContext db, CallRecords records, GetPublicity publicity, AuditTrail audit, ApplicationNotices notices, ResultsIntoRecord record, TimeProvider clock)
{
    public async Task<Result<GetPublicity.Result>> RunAsync(int callId, CancellationToken cancellationToken)
    {
        if (await records.CallAsync(callId, cancellationToken) is not { } call)
        {
            return Problem.NotFound();
        }

        var unanswered = await db.Set<Objection>().CountAsync(o => o.CallId == callId && o.Answer == null, cancellationToken);
        var now = clock.GetUtcNow();
        if (call.Decide(now, unanswered) is { } problem)
        {
            return problem;
        }

        // A record written into another feature (a demonstration case) saves as it goes: one transaction keeps it with the
        // result. The firms are told once it stands (their notices save on their own, and may retry one by one).
        var decided = await db.Set<CallApplication>().Where(a => a.CallId == callId && (a.Status == ApplicationStatus.Selected || a.Status == ApplicationStatus.NotSelected)).ToListAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await record.WriteAsync(call, [.. decided.Where(a => a.Status == ApplicationStatus.Selected)], now, cancellationToken);
            await audit.RecordAsync("publish-result", "calls", callId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok", call.Title, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notices.ChangedAsync(decided, call, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return (await publicity.RunAsync(callId, cancellationToken))!;
    }
}
