using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>形式审查 by the office: accept, or return for correction with the reason and the days given to correct (as often as needed).</summary>
public sealed class CheckApplication(InnoClusterDbContext db, CallRecords records, ApplicationNotices notices, TimeProvider clock)
{
    public sealed record Request(bool Accept, string? Reason, int? CorrectionDays);

    public async Task<Result<ApplicationView>> RunAsync(int id, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        if (await records.ApplicationAsync(id, actor, cancellationToken) is not { } loaded || !actor.IsOfficial)
        {
            return Problem.NotFound();
        }

        if (loaded.Application.Check(request.Accept, request.Reason, request.CorrectionDays ?? 5, clock.GetUtcNow(), actor) is { } problem)
        {
            return problem;
        }

        await notices.ChangedAsync(loaded.Application, loaded.Call, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await records.ViewAsync(loaded, actor, cancellationToken);
    }
}
