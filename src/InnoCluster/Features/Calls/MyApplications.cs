using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>A firm's applications to every call, newest first, with each call's close and where the application stands.</summary>
public sealed class MyApplications(InnoClusterDbContext db)
{
    public sealed record Item(int Id, int CallId, string CallTitle, DateTimeOffset? ClosesAt, string ProjectTitle, ApplicationStatus Status, DateTimeOffset? CorrectionDueAt, string? ReturnReason);

    public async Task<IReadOnlyList<Item>> RunAsync(CallActor actor, CancellationToken cancellationToken) =>
        actor.EnterpriseId is not { } firm ? [] :
        await (from a in db.Set<CallApplication>().AsNoTracking()
               join c in db.Set<Call>() on a.CallId equals c.Id
               where a.EnterpriseId == firm
               orderby a.Id descending
               select new Item(a.Id, c.Id, c.Title, c.ClosesAt, a.ProjectTitle, a.Status, a.CorrectionDueAt, a.ReturnReason)).ToListAsync(cancellationToken);
}
