using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>An expert's own assignments: what to score, what they scored, where they stepped aside.</summary>
public sealed class MyReviews(InnoClusterDbContext db, CallRecords records)
{
    public sealed record Item(int AssignmentId, int CallId, string CallTitle, DateTimeOffset? ReviewBy, int ApplicationId, string ProjectTitle, AssignmentStatus Status, decimal? MyTotal, string? RecusalReason);

    public async Task<IReadOnlyList<Item>> RunAsync(CallActor actor, CancellationToken cancellationToken)
    {
        if (await records.ExpertOfAsync(actor, cancellationToken) is not { } me)
        {
            return [];
        }

        var rows = await (from r in db.Set<ReviewAssignment>().AsNoTracking().Include(r => r.Sheets)
                          join a in db.Set<CallApplication>() on r.ApplicationId equals a.Id
                          join c in db.Set<Call>() on r.CallId equals c.Id
                          where r.ExpertId == me.Id
                          orderby c.ReviewBy, r.Id
                          select new { r, a.ProjectTitle, c.Title, c.ReviewBy }).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new Item(x.r.Id, x.r.CallId, x.Title, x.ReviewBy, x.r.ApplicationId, x.ProjectTitle, x.r.Status, x.r.Latest?.Total, x.r.RecusalReason))];
    }
}
