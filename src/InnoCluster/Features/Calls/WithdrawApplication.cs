using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>The firm withdraws its application at any point before the decision.</summary>
public sealed class WithdrawApplication(InnoClusterDbContext db, CallRecords records, ApplicationNotices notices, TimeProvider clock)
{
    public async Task<Result<ApplicationView>> RunAsync(int id, CallActor actor, CancellationToken cancellationToken)
    {
        if (await records.ApplicationAsync(id, actor, cancellationToken) is not { } loaded)
        {
            return Problem.NotFound();
        }

        if (actor.EnterpriseId != loaded.Application.EnterpriseId)
        {
            return Problem.Forbidden("只有申报企业可以撤回 / only the applying firm withdraws");
        }

        if (loaded.Application.Withdraw(clock.GetUtcNow(), actor) is { } problem)
        {
            return problem;
        }

        await notices.ChangedAsync(loaded.Application, loaded.Call, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await records.ViewAsync(loaded, actor, cancellationToken);
    }
}
