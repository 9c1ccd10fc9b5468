using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>A docking event: who was invited, and who met whom there with what outcome.</summary>
public sealed class GetDockingEvent(InnoClusterDbContext db, IRegistryDirectory registry)
{
    public sealed record Invited(int? DemandId, string? Demand, int? EnterpriseId, string? Enterprise);

    public sealed record Meeting(int DockingId, int DemandId, string Demand, int? EnterpriseId, string? Enterprise, DockingStage Stage, string? Note, DateTimeOffset At, string By);

    public sealed record View(int Id, string Title, DateOnly Date, string? Place, IReadOnlyList<Invited> Invited, IReadOnlyList<Meeting> Meetings);

    public async Task<View?> RunAsync(int eventId, CancellationToken cancellationToken)
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
