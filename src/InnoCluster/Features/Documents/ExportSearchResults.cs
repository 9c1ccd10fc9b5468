using InnoCluster.Infrastructure.Files;
using InnoCluster.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Documents;

/// <summary>
/// A library search's results as a workbook (<see cref="ListWorkbook"/>), in the order shown, with the same filters: title, kind, 文号,
/// issuer, level, status, date and an absolute link to each document; at most <see cref="MaxRows"/> rows.
/// </summary>
public sealed class ExportSearchResults(DocumentSearch search, IOptions<SiteOptions> site)
{
    public const int MaxRows = 2000;

    private const int Batch = 100;

    /// <summary>Writes the workbook; the problems of the query (an unknown filter) instead when it has any.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(DocumentSearch.Query query, Stream output, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> problems = [];
        var workbook = await ListWorkbook.WriteAsync(
            async page =>
            {
                var result = await search.RunAsync(query with { Page = page, PageSize = Batch, Facets = false }, cancellationToken);
                problems = result.Problems;
                return (result.Page.Items, result.Page.Total);
            },
            item => new Dictionary<string, object?>
            {
                [Ui.L("标题", "Title")] = item.Title,
                [Ui.L("类型", "Kind")] = DocumentLabels.Kind(item.Kind),
                [Ui.L("文号", "Number")] = item.DocumentNumber,
                [Ui.L("发文单位", "Issued by")] = item.IssuingBody,
                [Ui.L("级别", "Level")] = DocumentLabels.Level(item.Level),
                [Ui.L("状态", "Status")] = DocumentLabels.Status(item.Status),
                [Ui.L("日期", "Date")] = item.Date is { } date ? Ui.Date(date) : item.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [Ui.L("链接", "Link")] = site.Value.Link($"/documents/{item.Id}"),
            },
            Ui.L("检索结果", "Results"),
            cancellationToken,
            MaxRows);
        if (problems.Count > 0)
        {
            return problems;
        }

        await output.WriteAsync(workbook, cancellationToken);
        return [];
    }
}
