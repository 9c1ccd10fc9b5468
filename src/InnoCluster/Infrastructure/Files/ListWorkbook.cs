using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Infrastructure.Files;

/// <summary>
/// A list as the reader sees it, as a workbook: the list's own use case with the same filters and the same
/// reader (so nobody exports what they may not see), page after page in the order shown, numbered, at most
/// <see cref="MaxRows"/> rows, headings and labels in the reader's language.
/// </summary>
public static class ListWorkbook
{
    public const int MaxRows = 5000;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="page">Reads page n (from 1) of the list: its items and how many there are in all.</param>
    /// <param name="maxRows">At most this many rows (and never more than <see cref="MaxRows"/>).</param>
    public static async Task<byte[]> WriteAsync<T>(
        Func<int, Task<(IReadOnlyList<T> Items, int Total)>> page, Func<T, IReadOnlyDictionary<string, object?>> row, string sheetName, CancellationToken cancellationToken, int maxRows = MaxRows)
    {
        maxRows = Math.Min(maxRows, MaxRows);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        for (var number = 1; rows.Count < maxRows; number++)
        {
            var (items, total) = await page(number);
            foreach (var item in items.Take(maxRows - rows.Count))
            {
                var numbered = new Dictionary<string, object?> { [Ui.L("序号", "No.")] = rows.Count + 1 };
                foreach (var (column, value) in row(item))
                {
                    numbered[column] = value;
                }

                rows.Add(numbered);
            }

            if (items.Count == 0 || rows.Count >= total)
            {
                break;
            }
        }

        using var output = new MemoryStream();
        await Spreadsheet.SaveAsync(output, rows, cancellationToken, sheetName);
        return output.ToArray();
    }

    /// <summary>A list its use case returns whole (not paged).</summary>
    public static Task<byte[]> WriteAsync<T>(IReadOnlyList<T> items, Func<T, IReadOnlyDictionary<string, object?>> row, string sheetName, CancellationToken cancellationToken) =>
        WriteAsync(page => Task.FromResult((page == 1 ? items : (IReadOnlyList<T>)[], items.Count)), row, sheetName, cancellationToken);

    /// <summary>"企业诉求-20261203.xlsx" or "requests-20261203.xlsx", by the reader's language.</summary>
    public static string FileName(string chinese, string english, DateTimeOffset now) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Ui.L(chinese, english)}-{now:yyyyMMdd}.xlsx");
}
