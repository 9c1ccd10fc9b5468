using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// Docking events (对接活动): the office invites demands and vendors, and records at the event who met whom
/// and what came of it — each meeting is a pipeline step of the pair, tied to the event.
/// </summary>
public sealed class DockingEvents(InnoClusterDbContext db, TimeProvider clock, DockingPipeline pipeline, InnoCluster.Infrastructure.Mail.IMessageOutbox outbox, IRegistryDirectory registry, Identity.IAccountDirectory accounts,
    Microsoft.Extensions.Options.IOptions<SiteOptions> siteOptions)
{
    public sealed record Invited(int? DemandId, string? Demand, int? EnterpriseId, string? Enterprise);

    public sealed record Meeting(int DockingId, int DemandId, string Demand, int? EnterpriseId, string? Enterprise, DockingStage Stage, string? Note, DateTimeOffset At, string By);

    public sealed record View(int Id, string Title, DateOnly Date, string? Place, IReadOnlyList<Invited> Invited, IReadOnlyList<Meeting> Meetings);

    public async Task<Result> InviteAsync(int eventId, IReadOnlyList<int> demandIds, IReadOnlyList<int> enterpriseIds, ScenarioActor actor, CancellationToken cancellationToken)
    {
        if (!await db.Set<DockingEvent>().AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return Problem.NotFound("没有这次对接活动 / no such docking event");
        }

        var errors = new List<FieldError>();
        var knownDemands = await db.Set<Demand>().Where(d => demandIds.Contains(d.Id) && d.Status == DemandStatus.Published).Select(d => d.Id).ToListAsync(cancellationToken);
        errors.AddRange(demandIds.Except(knownDemands).Select(id => new FieldError("demandIds", $"没有已发布的需求 {id} (no published demand {id})")));
        var knownEnterprises = (await registry.EnterpriseNamesAsync(enterpriseIds.ToList(), cancellationToken)).Keys;
        errors.AddRange(enterpriseIds.Except(knownEnterprises).Select(id => new FieldError("enterpriseIds", $"登记库中没有企业 {id} (no such enterprise)")));
        if (errors.Count > 0)
        {
            return Problem.Fields(errors);
        }

        var existing = await db.Set<DockingInvitation>().Where(i => i.EventId == eventId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var newDemands = demandIds.Distinct().Where(id => !existing.Any(i => i.DemandId == id)).ToList();
        var newEnterprises = enterpriseIds.Distinct().Where(id => !existing.Any(i => i.EnterpriseId == id)).ToList();
        foreach (var id in newDemands)
        {
            db.Add(new DockingInvitation { EventId = eventId, DemandId = id, InvitedAt = now, InvitedBy = actor.Name });
        }

        foreach (var id in newEnterprises)
        {
            db.Add(new DockingInvitation { EventId = eventId, EnterpriseId = id, InvitedAt = now, InvitedBy = actor.Name });
        }

        await db.SaveChangesAsync(cancellationToken);
        await NotifyAsync(eventId, newDemands, newEnterprises, cancellationToken);
        return Result.Ok();
    }

    /// <summary>
    /// Tells the newly invited: a demand's author, and every active account of an invited enterprise, through the
    /// mail outbox (an invitation sent twice is told once). Who has no account is simply not told.
    /// </summary>
    private async Task NotifyAsync(int eventId, List<int> demandIds, List<int> enterpriseIds, CancellationToken cancellationToken)
    {
        var dockingEvent = await db.Set<DockingEvent>().AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
        var site = siteOptions.Value.PublicUrl.TrimEnd('/');
        var when = $"{dockingEvent.Date:yyyy-MM-dd}{(dockingEvent.Place is null ? "" : "，" + dockingEvent.Place)}";
        var subject = $"【对接活动邀请】{dockingEvent.Title}（{when}）";
        var demands = await db.Set<Demand>().AsNoTracking().Where(d => demandIds.Contains(d.Id) && d.OwnerUserId != null)
            .Select(d => new { d.Id, d.Title, Owner = d.OwnerUserId! }).ToListAsync(cancellationToken);
        var emails = await accounts.EmailsOfAsync(demands.Select(d => d.Owner).Distinct().ToList(), cancellationToken);
        foreach (var owner in demands.Where(d => emails.ContainsKey(d.Owner)).Select(d => new { d.Id, d.Title, Email = emails[d.Owner] }))
        {
            await outbox.SendAsync(owner.Email, subject,
                $"您发布的场景需求“{owner.Title}”受邀参加对接活动“{dockingEvent.Title}”（{when}），届时将与供给方面对面交流。\n需求页面：{site}/demands/{owner.Id}\n", cancellationToken);
        }

        var vendors = await accounts.EmailsOfEnterprisesAsync(enterpriseIds, cancellationToken);
        foreach (var email in vendors)
        {
            await outbox.SendAsync(email, subject,
                $"贵单位受邀参加场景对接活动“{dockingEvent.Title}”（{when}），与场景需求方交流解决方案。\n场景需求：{site}/demands\n", cancellationToken);
        }
    }

    /// <summary>
    /// A demand and a vendor met at the event: the pair enters the pipeline if it was not in it, and moves to
    /// "docking" with the outcome as its note. A pair already further along keeps its stage; the meeting is noted.
    /// </summary>
    public async Task<Result> RecordMeetingAsync(int eventId, int demandId, int enterpriseId, string? outcome, ScenarioActor actor, CancellationToken cancellationToken)
    {
        if (!await db.Set<DockingEvent>().AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return Problem.NotFound("没有这次对接活动 / no such docking event");
        }

        var docking = await db.Set<Docking>().SingleOrDefaultAsync(d => d.DemandId == demandId && d.EnterpriseId == enterpriseId, cancellationToken);
        if (docking is null)
        {
            var proposed = await pipeline.ProposeAsync(new DockingPipeline.Proposal(demandId, enterpriseId, null, null), actor, cancellationToken);
            if (proposed.Problem is { } problem)
            {
                return problem;
            }

            docking = await db.Set<Docking>().SingleAsync(d => d.Id == proposed.Value, cancellationToken);
        }

        // From proposed the pair passes through contacted: meeting at an event is the contact.
        foreach (var stage in DockingRules.Forward.Where(s => s > docking.Stage && s <= DockingStage.Docking))
        {
            if ((await pipeline.MoveAsync(docking.Id, stage, stage == DockingStage.Docking ? outcome : null, eventId, actor, cancellationToken)).Problem is { } problem)
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

    public async Task<View?> GetAsync(int eventId, CancellationToken cancellationToken)
    {
        var e = await db.Set<DockingEvent>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null)
        {
            return null;
        }

        var invitations = await (from i in db.Set<DockingInvitation>().AsNoTracking()
                                 where i.EventId == eventId
                                 join d in db.Set<Demand>() on i.DemandId equals d.Id into demands
                                 from d in demands.DefaultIfEmpty()
                                 orderby i.Id
                                 select new { i.DemandId, Title = d == null ? null : d.Title, i.EnterpriseId }).ToListAsync(cancellationToken);
        var steps = await (from s in db.Set<DockingStep>().AsNoTracking()
                           where s.EventId == eventId
                           join k in db.Set<Docking>() on s.DockingId equals k.Id
                           join d in db.Set<Demand>() on k.DemandId equals d.Id
                           orderby s.At, s.Id
                           select new { DockingId = k.Id, DemandId = d.Id, d.Title, k.EnterpriseId, s.Stage, s.Note, s.At, s.By }).ToListAsync(cancellationToken);
        var names = await registry.EnterpriseNamesAsync(
            invitations.Select(i => i.EnterpriseId).Concat(steps.Select(s => s.EnterpriseId)).OfType<int>().Distinct().ToList(), cancellationToken);
        string? NameOf(int? id) => id is { } known ? names.GetValueOrDefault(known) : null;
        var invited = invitations.Select(i => new Invited(i.DemandId, i.Title, i.EnterpriseId, NameOf(i.EnterpriseId))).ToList();
        var meetings = steps.Select(s => new Meeting(s.DockingId, s.DemandId, s.Title, s.EnterpriseId, NameOf(s.EnterpriseId), s.Stage, s.Note, s.At, s.By)).ToList();
        return new View(e.Id, e.Title, e.Date, e.Place, invited, meetings.Where(m => m.Stage != DockingStage.Contacted).ToList());
    }
}
