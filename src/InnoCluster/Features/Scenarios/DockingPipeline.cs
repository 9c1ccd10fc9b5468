using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// Moves demand–vendor pairs through the pipeline. A vendor asks for contact (the pair is proposed), the
/// demand's owner or an official accepts (contacted — only now the vendor sees the contact), and officials
/// or the owner record each later step. Every step is dated and attributed; illegal moves are refused.
/// </summary>
public sealed class DockingPipeline(InnoClusterDbContext db, TimeProvider clock, IRegistryDirectory registry)
{
    public sealed record Proposal(int DemandId, int? EnterpriseId, int? SolutionId, string? Note);

    public sealed record Step(DockingStage Stage, DateTimeOffset At, string By, string? Note, int? EventId);

    public sealed record View(int Id, int DemandId, string DemandTitle, int? EnterpriseId, string? EnterpriseName, int? SolutionId, DockingStage Stage, IReadOnlyList<Step> Steps);

    public async Task<Result<int>> ProposeAsync(Proposal proposal, ScenarioActor actor, CancellationToken cancellationToken)
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
        docking.Steps.Add(new DockingStep { Stage = DockingStage.Proposed, At = now, By = actor.Name, Note = Trim(proposal.Note) });
        db.Add(docking);
        await db.SaveChangesAsync(cancellationToken);
        return docking.Id;
    }

    public async Task<Result> MoveAsync(int id, DockingStage to, string? note, int? eventId, ScenarioActor actor, CancellationToken cancellationToken)
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
        db.Add(new DockingStep { DockingId = docking.Id, Stage = to, At = now, By = actor.Name, Note = Trim(note), EventId = eventId });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    public async Task<View?> GetAsync(int id, ScenarioActor? actor, CancellationToken cancellationToken)
    {
        var docking = await db.Set<Docking>().AsNoTracking().Include(d => d.Steps).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (docking is null)
        {
            return null;
        }

        var demand = await db.Set<Demand>().AsNoTracking().SingleAsync(d => d.Id == docking.DemandId, cancellationToken);
        var visible = actor is not null && (actor.IsOfficial || (demand.OwnerUserId is not null && demand.OwnerUserId == actor.UserId) || (actor.EnterpriseId is not null && actor.EnterpriseId == docking.EnterpriseId));
        if (!visible)
        {
            return null;
        }

        var name = docking.EnterpriseId is { } vendor ? (await registry.EnterpriseNamesAsync([vendor], cancellationToken)).GetValueOrDefault(vendor) : null;
        return new View(docking.Id, demand.Id, demand.Title, docking.EnterpriseId, name, docking.SolutionId, docking.Stage,
            docking.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new Step(s.Stage, s.At, s.By, s.Note, s.EventId)).ToList());
    }

    /// <summary>The demand's contact, for its owner, officials, and vendors whose contact request the owner accepted.</summary>
    public async Task<bool> MaySeeContactAsync(Demand demand, ScenarioActor? actor, CancellationToken cancellationToken) =>
        actor is not null && (actor.IsOfficial || demand.OwnerUserId == actor.UserId ||
            (actor.EnterpriseId is { } enterprise && await db.Set<Docking>().AnyAsync(
                d => d.DemandId == demand.Id && d.EnterpriseId == enterprise && d.Stage != DockingStage.Proposed && d.Stage != DockingStage.Dropped, cancellationToken)));

    /// <summary>A docking event (对接活动): a title and a date are required.</summary>
    public async Task<Result<int>> CreateEventAsync(string? title, DateOnly? date, string? place, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title) || title.Length > 300)
        {
            errors.Add(new FieldError("title", "活动名称不能为空，且不超过 300 字 (required, at most 300 characters)"));
        }

        if (date is null)
        {
            errors.Add(new FieldError("date", "请填写活动日期 (required)"));
        }

        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var e = new DockingEvent { Title = title!.Trim(), Date = date!.Value, Place = Trim(place), CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow() };
        db.Add(e);
        await db.SaveChangesAsync(cancellationToken);
        return e.Id;
    }

    private static string? Trim(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim() is { Length: > 2000 } n ? n[..2000] : note.Trim();
}
