using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Registry;

/// <summary>The innovation carriers with the same filters as the list (kind, 板块), as a workbook.</summary>
public sealed class ExportCarriers(ListCarriers list)
{
    public async Task<byte[]> RunAsync(string? kind, string? district, CancellationToken cancellationToken)
    {
        var carriers = await list.RunAsync(kind, district, cancellationToken);
        return await ListWorkbook.WriteAsync(
            carriers,
            c => new Dictionary<string, object?>
            {
                [Ui.L("名称", "Name")] = c.Name,
                [Ui.L("类型", "Kind")] = ListCarriers.KindName(c.Kind, Ui.English),
                [Ui.L("所属板块", "District")] = c.District is { } d ? Ui.L(d.Name, d.NameEn) : null,
                [Ui.L("城市", "City")] = c.City,
                [Ui.L("依托企业", "Host enterprise")] = c.Host?.Name,
                [Ui.L("产业链环节", "Chain nodes")] = string.Join(Ui.L("、", ", "), c.ChainNodes.Select(n => Ui.L(n.Name, n.NameEn))),
                [Ui.L("别名", "Also called")] = string.Join(Ui.L("、", ", "), c.Aliases),
                [Ui.L("级别", "Level")] = c.Level is { } level && RecordWords.TryParse<TierLevel>(level, RecordWords.Key, out var l) ? Ui.L(TierNames.Chinese(l), TierNames.English(l)) : null,
                [Ui.L("批准单位", "Approved by")] = c.ApprovingBody,
                [Ui.L("阶段", "Stage")] = c.Stage is { } stage ? ListCarriers.StageName(stage, Ui.English) : null,
                [Ui.L("共建单位", "Built with")] = string.Join(Ui.L("、", ", "), c.Backers.Select(b => b.Name)),
            },
            Ui.L("创新载体", "Carriers"),
            cancellationToken);
    }
}
