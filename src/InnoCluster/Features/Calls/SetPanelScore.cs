using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>The panel's score for an application (after discussing divergent scores), with its reason; it then stands for the application.</summary>
public sealed class SetPanelScore(InnoClusterDbContext db, CallRecords records, TimeProvider clock)
{
    public sealed record Request(decimal? Score, string? Reason);

    public async Task<Result<ApplicationView>> RunAsync(int id, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsOfficial || await records.ApplicationAsync(id, actor, cancellationToken) is not { } loaded)
        {
            return Problem.NotFound();
        }

        if (!loaded.Application.IsInReview(loaded.Call) || loaded.Call.Status is CallStatus.Decided)
        {
            return Problem.Conflict("只有评审中的申报可以由小组评分 / the panel scores applications in review");
        }

        if (request.Score is not { } score)
        {
            return Problem.Invalid("score", "请填写小组评分 / give the panel's score");
        }

        if (loaded.Application.SetPanelScore(score, request.Reason, clock.GetUtcNow(), actor) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await records.ViewAsync(loaded, actor, cancellationToken);
    }
}
