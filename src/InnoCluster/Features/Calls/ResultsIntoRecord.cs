using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Calls;

/// <summary>
/// A result writes itself into the registry where the registry has a place for it: a 头雁 selection becomes the
/// firm's 头雁 tier; a 首版次软件 or 融合创新产品 selection the certification of the application's product; a 示范项目
/// a landed demonstration in the scenario case collection, delivered by the selected firm. The level is the call's;
/// for an upward round, written when the higher level approves (its level, its day). The call is the source. Other
/// programmes (攻关, 揭榜挂帅, talent) are counted from the calls themselves.
/// </summary>
public sealed class ResultsIntoRecord(GrantRecord grant, RecordDemonstrationCase cases)
{
    /// <summary>How many records a published result added (none for an upward round: those wait for the higher level).</summary>
    public async Task<int> WriteAsync(Call call, IReadOnlyList<CallApplication> selected, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        if (call.Kind == CallKind.UpwardRecommendation)
        {
            return 0;
        }

        var decidedOn = BeijingTime.DayOf(decidedAt);
        var added = 0;
        foreach (var application in selected)
        {
            added += await WriteOneAsync(call, application, decidedOn, cancellationToken) ? 1 : 0;
        }

        return added;
    }

    /// <summary>Whether the higher level's approval of an upward application added a record.</summary>
    public Task<bool> WriteApprovedAsync(Call call, CallApplication application, DateOnly approvedOn, CancellationToken cancellationToken) =>
        WriteOneAsync(call, application, approvedOn, cancellationToken);

    private async Task<bool> WriteOneAsync(Call call, CallApplication application, DateOnly decidedOn, CancellationToken cancellationToken)
    {
        var level = call.Level switch { "国家" => TierLevel.National, "省" => TierLevel.Provincial, "市" => TierLevel.Municipal, _ => TierLevel.Unspecified };
        var year = call.Year ?? decidedOn.Year;
        var source = new Provenance
        {
            Kind = ProvenanceKind.Manual, Source = call.Title, Locator = $"/calls/{call.Id}", SourceDate = decidedOn,
            Note = "征集结果公布后由平台写入 / written by the platform when the call's result was published",
        };
        return call.Programme switch
        {
            CallProgramme.LeadingGoose => await grant.DesignationAsync(application.EnterpriseId, Tier.LeadGoose, level, year, source, cancellationToken),
            CallProgramme.FirstEditionSoftware => await grant.CertificationAsync(application.EnterpriseId, CertificationKind.FirstEditionSoftware, application.ProjectTitle, level, year, source, cancellationToken),
            CallProgramme.FusionProduct => await grant.CertificationAsync(application.EnterpriseId, CertificationKind.FusionInnovationProduct, application.ProjectTitle, level, year, source, cancellationToken),
            CallProgramme.DemonstrationProject => await cases.RunAsync(
                new RecordDemonstrationCase.Selection($"call:{call.Id}:application:{application.Id}", application.ProjectTitle,
                    $"{application.EnterpriseName}申报的“{application.ProjectTitle}”入选{call.Title}（{year}年）。", application.EnterpriseId, source, decidedOn, source.Locator!),
                cancellationToken),
            _ => false,
        };
    }
}
