using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Scenarios;

/// <summary>The vendors' solutions, with the same filters as the list, as a workbook with a link to each.</summary>
public sealed class ExportSolutions(SolutionQueries queries, IOptions<SiteOptions> site)
{
    public Task<byte[]> RunAsync(string? q, int? enterpriseId, CancellationToken cancellationToken) =>
        ListWorkbook.WriteAsync(
            async page =>
            {
                var result = await queries.ListAsync(q, enterpriseId, page, 100, cancellationToken);
                return (result.Items, result.Total);
            },
            s => new Dictionary<string, object?>
            {
                [Ui.L("解决方案", "Solution")] = s.Title,
                [Ui.L("供给企业", "Vendor")] = s.Enterprise,
                [Ui.L("能力", "Capabilities")] = string.Join("、", s.Capabilities),
                [Ui.L("适用行业", "Sectors")] = string.Join("、", s.Sectors),
                [Ui.L("参考案例", "Reference cases")] = s.ReferenceCases,
                [Ui.L("价格", "Price")] = s.Price,
                [Ui.L("更新时间", "Updated")] = Ui.Time(s.UpdatedAt),
                [Ui.L("供给企业链接", "Vendor link")] = site.Value.Link($"/enterprises/{s.EnterpriseId}"),
            },
            Ui.L("解决方案", "Solutions"),
            cancellationToken);
}
