using InnoCluster.Features.Calculator;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>
/// The firm submits: before the close (or the correction deadline after a return), with every required
/// answer and file, and not ruled out by the call's conditions — a failed condition is refused with the
/// calculator's reason; an open one goes to 形式审查 to verify.
/// </summary>
public sealed class SubmitApplication(InnoClusterDbContext db, CallRecords records, EligibilityCheck eligibility, ApplicationNotices notices, TimeProvider clock)
{
    public async Task<Result<ApplicationView>> RunAsync(int id, CallActor actor, CancellationToken cancellationToken)
    {
        if (await records.ApplicationAsync(id, actor, cancellationToken) is not { } loaded)
        {
            return Problem.NotFound();
        }

        var (application, call) = (loaded.Application, loaded.Call);
        if (actor.EnterpriseId != application.EnterpriseId)
        {
            return Problem.Forbidden("只有申报企业可以提交 / only the applying firm submits");
        }

        var answer = await eligibility.CheckAsync(application.EnterpriseId, call.Conditions, cancellationToken)
            ?? new EligibilityAnswer(null, []);
        if (application.Submit(call, answer, clock.GetUtcNow(), actor) is { } problem)
        {
            return problem;
        }

        await notices.ChangedAsync(application, call, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await records.ViewAsync(loaded, actor, cancellationToken);
    }
}
