using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>At a docking event, an official records that a demand and a vendor met, and what came of it.</summary>
public sealed class RecordMeeting(InnoClusterDbContext db, TimeProvider clock, ProposeDocking propose, MoveDocking move)
{
    /// <summary>
    /// A demand and a vendor met at the event: the pair enters the pipeline if it was not in it, and moves to
    /// "docking" with the outcome as its note. A pair already further along keeps its stage; the meeting is noted.
    /// </summary>
    public async Task<Result> RunAsync(int eventId, int demandId, int enterpriseId, string? outcome, ScenarioActor actor, CancellationToken cancellationToken)
    {
        if (!await db.Set<DockingEvent>().AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return Problem.NotFound("没有这次对接活动 / no such docking event");
        }

        var docking = await db.Set<Docking>().SingleOrDefaultAsync(d => d.DemandId == demandId && d.EnterpriseId == enterpriseId, cancellationToken);
        if (docking is null)
        {
            var proposed = await propose.RunAsync(new ProposeDocking.Proposal(demandId, enterpriseId, null, null), actor, cancellationToken);
            if (proposed.Problem is { } problem)
            {
                return problem;
            }

            docking = await db.Set<Docking>().SingleAsync(d => d.Id == proposed.Value, cancellationToken);
        }

        // From proposed the pair passes through contacted: meeting at an event is the contact.
        foreach (var stage in DockingRules.Forward.Where(s => s > docking.Stage && s <= DockingStage.Docking))
        {
            if ((await move.RunAsync(docking.Id, stage, stage == DockingStage.Docking ? outcome : null, eventId, actor, cancellationToken)).Problem is { } problem)
            {
                return problem;
            }
        }

        if (docking.Stage > DockingStage.Docking || docking.Stage == DockingStage.Dropped)
        {
            // Already further along (or dropped): the meeting is recorded against its current stage, never moving it back.
            db.Add(new DockingStep { DockingId = docking.Id, Stage = docking.Stage, At = clock.GetUtcNow(), By = actor.Name, Note = outcome, EventId = eventId });
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Ok();
    }
}
