using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// A pair enters the pipeline: a vendor asks for contact, or the demand's author or an official proposes a
/// vendor (or its solution) for the demand. A vendor is in a demand's pipeline once.
/// </summary>
public sealed class ProposeDocking(InnoClusterDbContext db, TimeProvider clock, IRegistryDirectory registry)
{
    public sealed record Proposal(int DemandId, int? EnterpriseId, int? SolutionId, string? Note);

    public async Task<Result<int>> RunAsync(Proposal proposal, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var demand = await db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == proposal.DemandId, cancellationToken);
        if (demand is null || (demand.Status != DemandStatus.Published && !actor.IsOfficial && demand.OwnerUserId != actor.UserId))
        {
            return Problem.NotFound();
        }

        int? enterpriseId = proposal.EnterpriseId;
        if (proposal.SolutionId is { } solutionId)
        {
            var solution = await db.Set<Solution>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == solutionId, cancellationToken);
            if (solution is null)
            {
                return Problem.Conflict($"solutionId: 没有编号为 {solutionId} 的方案 (no such solution)");
            }

            if (enterpriseId is not null && enterpriseId != solution.EnterpriseId)
            {
                return Problem.Conflict("enterpriseId: 与方案的提供企业不符 (the solution belongs to another enterprise)");
            }

            enterpriseId = solution.EnterpriseId;
        }

        if (enterpriseId is null)
        {
            return Problem.Conflict("enterpriseId: 请指明对接的企业或方案 (name the vendor or its solution)");
        }

        var isOwner = demand.OwnerUserId is not null && demand.OwnerUserId == actor.UserId;
        if (!actor.IsOfficial && !isOwner && actor.EnterpriseId != enterpriseId)
        {
            return Problem.Forbidden("只有集群办、需求方或该企业本身可以发起对接 (only officials, the demand's owner or the vendor itself propose a pair)");
        }

        if (!await registry.EnterpriseExistsAsync(enterpriseId.Value, cancellationToken))
        {
            return Problem.Conflict($"enterpriseId: 登记库中没有编号为 {enterpriseId} 的企业 (no such enterprise)");
        }

        if (await db.Set<Docking>().AnyAsync(d => d.DemandId == demand.Id && d.EnterpriseId == enterpriseId, cancellationToken))
        {
            return Problem.Conflict("该企业已在此需求的对接中 (this vendor is already in the pipeline for this demand)");
        }

        var now = clock.GetUtcNow();
        var docking = new Docking { DemandId = demand.Id, EnterpriseId = enterpriseId.Value, SolutionId = proposal.SolutionId, Stage = DockingStage.Proposed, CreatedAt = now, UpdatedAt = now };
        docking.Steps.Add(new DockingStep { Stage = DockingStage.Proposed, At = now, By = actor.Name, Note = DockingRules.Note(proposal.Note) });
        db.Add(docking);
        await db.SaveChangesAsync(cancellationToken);
        return docking.Id;
    }
}
