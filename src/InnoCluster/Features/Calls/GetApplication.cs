namespace InnoCluster.Features.Calls;

/// <summary>One application, as its reader may see it (<see cref="CallRecords"/>).</summary>
public sealed class GetApplication(CallRecords records)
{
    public async Task<ApplicationView?> RunAsync(int id, CallActor actor, CancellationToken cancellationToken) =>
        await records.ApplicationAsync(id, actor, cancellationToken) is { } loaded ? await records.ViewAsync(loaded, actor, cancellationToken) : null;
}
