using InnoCluster.Features.Calculator;
using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Calls;

/// <summary>The registered firms a call's conditions do not rule out, for the office to tell before they apply: eligible first, then possibly eligible.</summary>
public sealed class FindEligibleFirms(CallRecords records, EligibilityCheck eligibility, IRegistryDirectory registry)
{
    public sealed record Firm(int EnterpriseId, string Name, bool Certain);

    public sealed record Result(int CallId, int Eligible, int PossiblyEligible, IReadOnlyList<Firm> Firms);

    public async Task<Result?> RunAsync(int callId, int take, CancellationToken cancellationToken)
    {
        if (await records.CallAsync(callId, cancellationToken) is not { } call)
        {
            return null;
        }

        var firms = await eligibility.FirmsNotRuledOutAsync(call.Conditions, cancellationToken);
        var shown = firms.OrderByDescending(f => f.Certain).ThenBy(f => f.EnterpriseId).Take(Math.Clamp(take, 1, 1000)).ToList();
        var names = await registry.EnterpriseNamesAsync([.. shown.Select(f => f.EnterpriseId)], cancellationToken);
        return new Result(callId, firms.Count(f => f.Certain), firms.Count(f => !f.Certain), [.. shown.Select(f => new Firm(f.EnterpriseId, names.GetValueOrDefault(f.EnterpriseId) ?? "", f.Certain))]);
    }
}
