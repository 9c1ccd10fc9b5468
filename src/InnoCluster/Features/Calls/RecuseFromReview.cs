using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Calls;

/// <summary>
/// An expert declares a conflict on an application assigned to them (or the office records one it found):
/// the expert steps aside, their scores stop counting, and another expert is assigned in their place.
/// </summary>
public sealed class RecuseFromReview(InnoClusterDbContext db, CallRecords records, AssignExperts assign)
{
    public sealed record Request(string? Reason);

    public async Task<Result<AssignExperts.Outcome>> RunAsync(int assignmentId, Request request, CallActor actor, CancellationToken cancellationToken)
    {
        var assignment = await db.Set<ReviewAssignment>().SingleOrDefaultAsync(r => r.Id == assignmentId, cancellationToken);
        var me = await records.ExpertOfAsync(actor, cancellationToken);
        if (assignment is null || !(actor.IsOfficial || (me is not null && me.Id == assignment.ExpertId)))
        {
            return Problem.NotFound();
        }

        if (assignment.Recuse(request.Reason) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        var replaced = await assign.RunAsync(assignment.CallId, cancellationToken, assignment.ApplicationId);
        return replaced.Succeeded ? replaced : new AssignExperts.Outcome(0, 0, 1, new Dictionary<int, int>());
    }
}
