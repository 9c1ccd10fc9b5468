using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>One request with its history, for a reader who may see it (else it does not exist for them).</summary>
public sealed class GetAppeal(InnoClusterDbContext db, PersonalData personal, TimeProvider clock)
{
    public async Task<AppealView?> RunAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = AppealActor.Of(user, clock.GetUtcNow());
        var appeal = await db.Set<Appeal>().AsNoTracking().Include(a => a.Steps).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return appeal is not null && appeal.IsVisibleTo(actor) ? AppealView.Of(appeal, actor, personal) : null;
    }
}
