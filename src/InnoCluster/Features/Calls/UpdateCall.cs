using InnoCluster.Features.Calculator;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>
/// The office edits a draft call. Once published, applicants rely on its rules; only the close may move
/// later (a deadline extended by notice), never earlier.
/// </summary>
public sealed class UpdateCall(InnoClusterDbContext db, CallRecords records, IRegistryDirectory registry, EligibilityCheck eligibility, TimeProvider clock)
{
    public async Task<Result<CallView>> RunAsync(int id, CallInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await records.CallAsync(id, cancellationToken) is not { } call || call.Status is CallStatus.Recorded)
        {
            return Problem.NotFound();
        }

        if (call.Status == CallStatus.Published && call.PhaseAt(now) is CallPhase.Upcoming or CallPhase.Open)
        {
            var (closes, error) = CallTime.Parse(input.ClosesAt);
            if (error is not null || closes is null || closes < call.ClosesAt)
            {
                return Problem.Invalid("closesAt", error ?? "已发布的征集只能推迟截止时间 / a published call's close can only move later");
            }

            call.ClosesAt = closes;
            await db.SaveChangesAsync(cancellationToken);
            return CallView.Of(call, await eligibility.DescribeAsync(call.Conditions, cancellationToken), now);
        }

        if (call.Status != CallStatus.Draft)
        {
            return Problem.Conflict("征集已发布，不能修改 / the call is published and cannot be changed");
        }

        var districts = (await registry.DistrictsAsync(cancellationToken)).Select(d => d.Id).ToHashSet();
        if (input.ApplyTo(call, districts) is { Count: > 0 } errors)
        {
            return Problem.Fields(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return CallView.Of(call, await eligibility.DescribeAsync(call.Conditions, cancellationToken), now);
    }
}
