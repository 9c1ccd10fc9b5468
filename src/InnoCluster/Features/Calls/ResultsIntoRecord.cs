using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Calls;

/// <summary>
/// A published result writes itself into the registry where the registry has a place for it: a 头雁 selection
/// becomes the firm's 头雁 tier, with the call's level and year and the call as its source.
/// </summary>
public sealed class ResultsIntoRecord(GrantDesignation grant)
{
    /// <summary>How many designations were added.</summary>
    public async Task<int> WriteAsync(Call call, IReadOnlyList<CallApplication> selected, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        if (call.Programme != CallProgramme.LeadingGoose || call.Kind == CallKind.UpwardRecommendation)
        {
            return 0;
        }

        var decidedOn = DateOnly.FromDateTime(CallTime.InBeijing(decidedAt).DateTime);
        var level = call.Level switch { "国家" => TierLevel.National, "省" => TierLevel.Provincial, "市" => TierLevel.Municipal, _ => TierLevel.Unspecified };
        var source = new Provenance
        {
            Kind = ProvenanceKind.Manual, Source = call.Title, Locator = $"/calls/{call.Id}", SourceDate = decidedOn,
            Note = "征集结果公布后由平台写入 / written by the platform when the call's result was published",
        };
        var added = 0;
        foreach (var application in selected)
        {
            added += await grant.RunAsync(application.EnterpriseId, Tier.LeadGoose, level, call.Year ?? decidedOn.Year, source, cancellationToken) ? 1 : 0;
        }

        return added;
    }
}
