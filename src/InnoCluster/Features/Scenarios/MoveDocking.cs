using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// Moves a pair one stage on (or drops it), dated and attributed; the demand's author and officials run the
/// pipeline, a vendor may only withdraw. Illegal moves are refused with the rule's reason.
/// </summary>
public sealed class MoveDocking(InnoClusterDbContext db, TimeProvider clock)
{
    public async Task<Result> RunAsync(int id, DockingStage to, string? note, int? eventId, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var docking = await db.Set<Docking>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (docking is null)
        {
            return Problem.NotFound();
        }

        var owner = await db.Set<Demand>().Where(d => d.Id == docking.DemandId).Select(d => d.OwnerUserId).SingleAsync(cancellationToken);
        var isOwner = owner is not null && owner == actor.UserId;
        var isVendor = actor.EnterpriseId is not null && actor.EnterpriseId == docking.EnterpriseId;
        // The owner and officials run the pipeline; a vendor may only withdraw from it.
        if (!actor.IsOfficial && !isOwner && !(isVendor && to == DockingStage.Dropped))
        {
            return isVendor ? Problem.Forbidden("供给方只能退出对接 (a vendor may only drop out)") : Problem.NotFound();
        }

        if (DockingRules.WhyNot(docking.Stage, to) is { } why)
        {
            return Problem.Conflict(why);
        }

        if (eventId is { } e && !await db.Set<DockingEvent>().AnyAsync(x => x.Id == e, cancellationToken))
        {
            return Problem.Conflict($"eventId: 没有编号为 {e} 的对接活动 (no such docking event)");
        }

        var now = clock.GetUtcNow();
        docking.Stage = to;
        docking.UpdatedAt = now;
        db.Add(new DockingStep { DockingId = docking.Id, Stage = to, At = now, By = actor.Name, Note = DockingRules.Note(note), EventId = eventId });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }
}
