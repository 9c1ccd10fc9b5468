using InnoCluster.Infrastructure.Auditing;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>The office records what the national or provincial programme decided on an application the city recommended (audited); an approval writes itself into the registry (<see cref="ResultsIntoRecord"/>).</summary>
public sealed class RecordUpwardResult(InnoClusterDbContext db, CallRecords records, AuditTrail audit, ResultsIntoRecord intoRecord, TimeProvider clock)
{
    public sealed record Request(bool Approved, DateOnly? DecidedOn, decimal? Amount, string? Note);

    public async Task<Result<ApplicationView>> RunAsync(int id, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsOfficial || await records.ApplicationAsync(id, actor, cancellationToken) is not { } loaded)
        {
            return Problem.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = InnoCluster.Infrastructure.BeijingTime.DayOf(now);
        if (loaded.Application.RecordUpwardResult(loaded.Call, request.Approved, request.DecidedOn, request.Amount, request.Note, today, now, actor) is { } problem)
        {
            return problem;
        }

        // A record written into another feature (a demonstration case) saves as it goes: one transaction keeps it with the result.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.Approved)
        {
            await intoRecord.WriteApprovedAsync(loaded.Call, loaded.Application, loaded.Application.UpwardDecidedOn ?? today, cancellationToken);
        }

        await audit.RecordAsync("upward-result", "call_applications", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok",
            $"{(request.Approved ? "approved" : "declined")} {request.DecidedOn:yyyy-MM-dd} {request.Amount}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await records.ViewAsync(loaded, actor, cancellationToken);
    }
}
