using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>A demand's current values for its edit form, for those who may edit it (<see cref="Demand.MayBeEditedBy"/>).</summary>
public sealed class OpenDemandForEditing(InnoClusterDbContext db)
{
    public sealed record Attachment(Guid Id, string FileName);

    public sealed record Draft(int Id, DemandInput Values, IReadOnlyList<Attachment> Attachments);

    public async Task<Result<Draft>> RunAsync(int id, ScenarioActor actor, CancellationToken cancellationToken)
    {
        var demand = await db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null)
        {
            return Problem.NotFound();
        }

        if (!demand.MayBeEditedBy(actor))
        {
            return Problem.Forbidden(Demand.OnlyAuthorEdits);
        }

        var ids = demand.Attachments;
        var attachments = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).OrderBy(f => f.FileName)
            .Select(f => new Attachment(f.Id, f.FileName)).ToListAsync(cancellationToken);
        var values = new DemandInput(demand.Title, demand.Problem, demand.Sector, demand.Capabilities, demand.DistrictId, demand.BudgetText, demand.Deadline, demand.Contact, demand.Attachments);
        return new Draft(demand.Id, values, attachments);
    }
}
