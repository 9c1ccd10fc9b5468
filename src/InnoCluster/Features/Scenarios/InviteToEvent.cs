using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using InnoCluster.Infrastructure.Mail;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// An official invites published demands and registered vendors to a docking event (对接活动); the newly
/// invited are told by mail, an invitation sent twice is told once.
/// </summary>
public sealed class InviteToEvent(InnoClusterDbContext db, TimeProvider clock, IMessageOutbox outbox, IRegistryDirectory registry, Identity.IAccountDirectory accounts, IOptions<SiteOptions> siteOptions)
{
    public async Task<Result> RunAsync(int eventId, IReadOnlyList<int> demandIds, IReadOnlyList<int> enterpriseIds, ScenarioActor actor, CancellationToken cancellationToken)
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
}
