using InnoCluster.Features.Calculator;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

/// <summary>The office writes a call as a draft; it becomes public when published.</summary>
public sealed class CreateCall(InnoClusterDbContext db, IRegistryDirectory registry, EligibilityCheck eligibility, TimeProvider clock)
{
    public async Task<Result<CallView>> RunAsync(CallInput input, CallActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var call = new Call { Status = CallStatus.Draft, CreatedAt = now, CreatedBy = actor.Name };
        var districts = (await registry.DistrictsAsync(cancellationToken)).Select(d => d.Id).ToHashSet();
        if (input.ApplyTo(call, districts) is { Count: > 0 } errors)
        {
            return Problem.Fields(errors);
        }

        db.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        return CallView.Of(call, await eligibility.DescribeAsync(call.Conditions, cancellationToken), now);
    }
}
