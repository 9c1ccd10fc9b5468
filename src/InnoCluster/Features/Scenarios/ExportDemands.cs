using InnoCluster.Features.Scenarios.Pages;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Scenarios;

/// <summary>The scenario demands the reader may see (the public: published ones), with the same filters, as a workbook with a link to each.</summary>
public sealed class ExportDemands(DemandQueries queries, IOptions<SiteOptions> site)
{
    public Task<byte[]> RunAsync(string? q, string? status, ScenarioActor? reader, CancellationToken cancellationToken) =>
        ListWorkbook.WriteAsync(
            async page =>
            {
                var result = await queries.ListAsync(q, status, page, 100, reader, cancellationToken);
                return (result.Items, result.Total);
            },
            d => new Dictionary<string, object?>
            {
                [Ui.L("需求", "Demand")] = d.Title,
                [Ui.L("行业", "Sector")] = d.Sector,
                [Ui.L("状态", "Status")] = DemandsModel.StatusText(d.Status),
                [Ui.L("摘要", "Summary")] = d.Excerpt,
                [Ui.L("更新时间", "Updated")] = Ui.Time(d.UpdatedAt),
                [Ui.L("链接", "Link")] = site.Value.Link($"/scenarios/{d.Id}"),
            },
            Ui.L("场景需求", "Demands"),
            cancellationToken);
}
