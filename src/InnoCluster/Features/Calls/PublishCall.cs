using InnoCluster.Features.Calculator;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>The office publishes a complete draft: it appears on the public call page with its countdown.</summary>
public sealed class PublishCall(InnoClusterDbContext db, CallRecords records, EligibilityCheck eligibility, Workspace.Announcements announcements, TimeProvider clock)
{
    public async Task<Result<CallView>> RunAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await records.CallAsync(id, cancellationToken) is not { } call)
        {
            return Problem.NotFound();
        }

        if (call.Publish(now) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        await announcements.AnnounceAsync("call", call.Id, 1, cancellationToken);
        return CallView.Of(call, await eligibility.DescribeAsync(call.Conditions, cancellationToken), now);
    }
}
