using MiniExcelLibs;

namespace InnoCluster.Infrastructure.Files;

/// <summary>
/// The one way the platform writes .xlsx files (MiniExcel): every text cell goes through
/// <see cref="SpreadsheetSafety"/> on the way out, so no export — public or not — can carry a formula
/// that someone typed into a field ("=HYPERLINK(…)").
/// </summary>
public static class Spreadsheet
{
    /// <summary>One sheet of rows (column name → value).</summary>
    public static Task SaveAsync(Stream output, IEnumerable<IReadOnlyDictionary<string, object?>> rows, CancellationToken cancellationToken, string? sheetName = null) =>
        sheetName is null
            ? MiniExcel.SaveAsAsync(output, Safe(rows), excelType: ExcelType.XLSX, cancellationToken: cancellationToken)
            : MiniExcel.SaveAsAsync(output, Safe(rows), sheetName: sheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);

    /// <summary>Several sheets, by name.</summary>
    public static Task SaveSheetsAsync(Stream output, IReadOnlyDictionary<string, IEnumerable<IReadOnlyDictionary<string, object?>>> sheets, CancellationToken cancellationToken) =>
        MiniExcel.SaveAsAsync(output, sheets.ToDictionary(s => s.Key, s => (object)Safe(s.Value), StringComparer.Ordinal), excelType: ExcelType.XLSX, cancellationToken: cancellationToken);

    private static List<Dictionary<string, object?>> Safe(IEnumerable<IReadOnlyDictionary<string, object?>> rows) =>
        rows.Select(row => row.ToDictionary(cell => cell.Key, cell => cell.Value is string text ? SpreadsheetSafety.Text(text) : cell.Value, StringComparer.Ordinal)).ToList();
}
