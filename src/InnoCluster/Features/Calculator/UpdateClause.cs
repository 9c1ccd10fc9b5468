using System.Security.Claims;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calculator;

/// <summary>An official edits a clause's terms (confirming it is an edit of its status); a change appends a revision, none when nothing changed.</summary>
public sealed class UpdateClause(InnoClusterDbContext db, TimeProvider clock, ClauseFields fields, Workspace.Announcements announcements)
{
    public async Task<Result<PolicyClause>> RunAsync(int id, ClauseInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var clause = await db.Set<PolicyClause>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (clause is null)
        {
            return Problem.NotFound();
        }

        var problems = await fields.ValidateAsync(input, clause, cancellationToken);
        if (problems.Count > 0)
        {
            return Problem.Fields(problems);
        }

        if (clause.Revise(await fields.TermsAsync(input, clause.Terms, cancellationToken), ClauseEditor.Of(user), clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
            if (clause.Status == ClauseStatus.Confirmed)
            {
                await announcements.AnnounceAsync("clause", clause.Id, clause.Revision, cancellationToken);
            }
        }

        return clause;
    }
}
