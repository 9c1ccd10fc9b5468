using InnoCluster.Features.Calculator;

namespace InnoCluster.Features.Calls;

/// <summary>One call, when the reader may see it.</summary>
public sealed class GetCall(CallRecords records, EligibilityCheck eligibility, TimeProvider clock)
{
    public async Task<CallView?> RunAsync(int id, CallActor actor, CancellationToken cancellationToken) =>
        await records.VisibleCallAsync(id, actor, cancellationToken) is { } call
            ? CallView.Of(call, await eligibility.DescribeAsync(call.Conditions, cancellationToken), clock.GetUtcNow())
            : null;
}
