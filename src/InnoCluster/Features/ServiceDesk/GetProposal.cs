using System.Security.Claims;
using InnoCluster.Features.Identity;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.ServiceDesk;

/// <summary>One proposal with its opinions, reply and commitments, for a reader who may see it (else it does not exist for them).</summary>
public sealed class GetProposal(InnoClusterDbContext db, PersonalData personal, TimeProvider clock)
{
    public async Task<ProposalView?> RunAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = AppealActor.Of(user, clock.GetUtcNow());
        var proposal = await ProposalQueries.WithParts(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return proposal is not null && proposal.IsVisibleTo(actor) ? ProposalView.Of(proposal, actor, personal) : null;
    }
}

internal static class ProposalQueries
{
    public static IQueryable<Proposal> WithParts(InnoClusterDbContext db) =>
        db.Set<Proposal>().Include(p => p.Opinions).Include(p => p.Commitments).ThenInclude(c => c.Reports).AsSplitQuery();
}
