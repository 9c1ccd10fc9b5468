using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>The landed cases a firm delivered (the public case collection's), for its enterprise page.</summary>
public sealed class CasesTrackRecord(InnoClusterDbContext db) : IEnterpriseTrackRecord
{
    public async Task<IReadOnlyList<TrackRecordItem>> ForEnterpriseAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        var rows = await (from d in db.Set<Docking>().AsNoTracking()
                          where d.EnterpriseId == enterpriseId && (d.Stage == DockingStage.Landed || d.Stage == DockingStage.Demonstration)
                          join demand in db.Set<Demand>() on d.DemandId equals demand.Id
                          select new
                          {
                              d.DemandId, demand.Title, d.Stage, demand.OwnerName,
                              LandedAt = db.Set<DockingStep>().Where(s => s.DockingId == d.Id && s.Stage == DockingStage.Landed).Select(s => (DateTimeOffset?)s.At).FirstOrDefault(),
                          }).ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new TrackRecordItem(
                r.Stage == DockingStage.Demonstration ? "场景落地 · 示范项目" : "场景落地", r.Stage == DockingStage.Demonstration ? "Landed scenario · demonstration project" : "Landed scenario",
                r.Title, r.OwnerName, r.LandedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null, $"/demands/{r.DemandId}"))
            .OrderByDescending(i => i.On)];
    }
}
