using InnoCluster.Infrastructure.Files;

namespace InnoCluster.Features.Registry.Import;

/// <summary>
/// The spreadsheets around an import: the template an office fills in (the export's own columns, so what is
/// exported can be imported back, with a sheet explaining each column), and the report of a run as a workbook
/// — every problem by row and column, and every row skipped — to fix the file against.
/// </summary>
public static class ImportWorkbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly (string Column, string Chinese, string English)[] Guide =
    [
        ("企业名称", "必填。营业执照上的全称；已在登记库中的企业按名称或信用代码更新。", "Required. The full name on the business licence; a registered firm is updated by name or credit code."),
        ("统一社会信用代码", "18位，校验位须正确；同名企业须填写。", "18 characters with a valid check digit; required when names repeat."),
        ("所属板块", "板块名称，如“苏州工业园区”“吴中区”。", "The district's name (苏州工业园区, 吴中区)."),
        ("产业链环节", "产业链图谱中的环节名称，多个用“；”分隔。", "Chain-map node names, separated by ；."),
        ("企业梯队/类型", "如“专精特新小巨人（国家级，2023）”，多个用“；”分隔。", "e.g. 专精特新小巨人（国家级，2023）, separated by ；."),
        ("成立日期", "如 2018-05-01，或只写年份。", "e.g. 2018-05-01, or the year alone."),
        ("营业收入(万元)", "数值，单位万元（列名中的单位可改为元或亿元）。", "A number in 万元 (the header's unit may say 元 or 亿元)."),
        ("研发投入(万元)", "数值，单位同上。", "A number, unit as above."),
        ("从业人数", "整数。", "A whole number."),
        ("授权专利数", "当年获得授权的专利件数，整数。", "Patents granted in the year: a whole number."),
        ("有效专利数", "年末仍有效的专利件数，整数。", "Patents in force at the year's end: a whole number."),
        ("年度", "以上数据（营业收入至有效专利数）所属年度，如 2024。", "The year the figures above are for, e.g. 2024."),
        ("曾用名", "多个用“；”分隔。", "Separated by ；."),
        ("主营业务", "一段文字。", "A paragraph."),
        ("主要产品", "多个用“；”分隔。", "Separated by ；."),
        ("城市", "如 苏州、无锡。", "e.g. 苏州, 无锡."),
        ("上市日期", "上市企业填写，如 2020-07-22。", "For listed firms, e.g. 2020-07-22."),
        ("股票代码", "上市企业填写，如 688xxx。", "For listed firms, e.g. 688xxx."),
    ];

    /// <summary>An empty sheet with the import's columns, and the guide to each.</summary>
    public static Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken) =>
        Spreadsheet.SaveSheetsAsync(output, new Dictionary<string, IEnumerable<IReadOnlyDictionary<string, object?>>>
        {
            ["企业"] = [ExportEnterprises.Headers.ToDictionary(h => h, _ => (object?)null)],
            ["填写说明"] = Guide.Select(g => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["列名"] = g.Column, ["说明"] = g.Chinese, ["Notes"] = g.English }),
        }, cancellationToken);

    /// <summary>Whether a run has anything to fix or know: problems or skipped rows.</summary>
    public static bool HasFindings(ImportReport report) => report.FileError is not null || report.Errors.Count + report.Warnings.Count + report.Skipped.Count > 0;

    /// <summary>The run's problems (errors first, by row) and skipped rows, one per line.</summary>
    public static async Task<byte[]> ReportAsync(ImportReport report, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, object?> Issue(ImportIssue issue, string severity) => new Dictionary<string, object?>
        {
            ["行 Row"] = issue.Row, ["列 Column"] = issue.Column, ["值 Value"] = issue.Value, ["问题 Problem"] = issue.Message, ["级别 Severity"] = severity,
        };
        var problems = report.Errors.Select(e => Issue(e, "错误 error")).Concat(report.Warnings.Select(w => Issue(w, "提示 warning"))).ToList();
        if (report.FileError is { } fileError)
        {
            problems.Insert(0, new Dictionary<string, object?> { ["行 Row"] = null, ["列 Column"] = null, ["值 Value"] = report.File, ["问题 Problem"] = fileError, ["级别 Severity"] = "错误 error" });
        }

        var skipped = report.Skipped.Select(s => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["行 Row"] = s.Row, ["企业名称 Name"] = s.Name, ["原因 Reason"] = s.Reason }).ToList();
        using var output = new MemoryStream();
        await Spreadsheet.SaveSheetsAsync(output, new Dictionary<string, IEnumerable<IReadOnlyDictionary<string, object?>>>
        {
            ["问题"] = problems.Count > 0 ? problems : [new Dictionary<string, object?> { ["行 Row"] = null, ["列 Column"] = null, ["值 Value"] = null, ["问题 Problem"] = null, ["级别 Severity"] = null }],
            ["跳过的行"] = skipped.Count > 0 ? skipped : [new Dictionary<string, object?> { ["行 Row"] = null, ["企业名称 Name"] = null, ["原因 Reason"] = null }],
        }, cancellationToken);
        return output.ToArray();
    }
}
