using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace InnoCluster.Infrastructure.Files;

/// <summary>A spreadsheet read into memory: the header row and the data rows with their sheet row numbers.</summary>
public sealed record TabularFile(string FileName, IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows);

/// <summary>One data row; <see cref="Number"/> is the row number a person sees in Excel (header = 1).</summary>
public sealed record TabularRow(int Number, IReadOnlyList<string?> Cells)
{
    public string? this[int column] => column < Cells.Count ? Cells[column] : null;

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

public sealed class TabularFileException(string message) : Exception(message);

public sealed record TabularLimits(long MaxBytes = 20 * 1024 * 1024, int MaxRows = 200_000, long MaxUnpackedBytes = 200 * 1024 * 1024, int MaxZipEntries = 1000);

/// <summary>
/// Reads .xlsx (MiniExcel), legacy .xls (ExcelDataReader: Excel 97–2003, as many offices still save) and
/// .csv (Sylvan) files as offices keep them: the type is sniffed from the content, not the extension; CSV may be UTF-8 (with or without BOM) or GB18030 as Excel saves it on
/// Chinese Windows. Refuses files over the size limits, and xlsx archives whose entries would unpack
/// too large (zip bombs), before reading them.
/// </summary>
public static class TabularFileReader
{
    static TabularFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TabularFile Read(string fileName, Stream content, TabularLimits limits)
    {
        var buffer = new MemoryStream();
        CopyWithLimit(content, buffer, limits.MaxBytes, fileName);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new TabularFileException($"{fileName}: 文件为空 / the file is empty");
        }

        return IsZip(bytes) ? ReadXlsx(fileName, bytes, limits)
            : IsCompoundFile(bytes) ? ReadXls(fileName, bytes, limits)
            : ReadCsv(fileName, bytes, limits);
    }

    private static void CopyWithLimit(Stream source, Stream destination, long maxBytes, string fileName)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new TabularFileException($"{fileName}: 文件超过大小上限 {maxBytes / (1024 * 1024)} MB / the file is larger than the limit of {maxBytes / (1024 * 1024)} MB");
            }

            destination.Write(chunk, 0, read);
        }
    }

    /// <summary>The OLE compound file signature that .xls (and .doc) files start with.</summary>
    private static bool IsCompoundFile(byte[] bytes) => bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    private static TabularFile ReadXls(string fileName, byte[] bytes, TabularLimits limits)
    {
        var records = new List<List<string?>>();
        try
        {
            using var reader = ExcelDataReader.ExcelReaderFactory.CreateBinaryReader(new MemoryStream(bytes));
            while (reader.Read() && records.Count <= limits.MaxRows + 1)
            {
                var cells = new List<string?>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(CellText(reader.GetValue(i)));
                }

                records.Add(cells);
            }
        }
        catch (Exception ex) when (ex is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
        {
            throw new TabularFileException($"{fileName}: 不是可读的 Excel 97-2003 (.xls) 文件（{ex.Message}） / not a readable Excel 97-2003 (.xls) workbook ({ex.Message})");
        }

        if (records.Count == 0)
        {
            throw new TabularFileException($"{fileName}: 工作表为空 / the first sheet is empty");
        }

        var headers = records[0].Select(h => h ?? string.Empty).ToList();
        return Finish(fileName, headers, records.Skip(1).Select((cells, i) => new TabularRow(i + 2, cells)).ToList(), limits);
    }

    private static bool IsZip(byte[] bytes) => bytes.Length > 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;

    private static TabularFile ReadXlsx(string fileName, byte[] bytes, TabularLimits limits)
    {
        CheckArchive(fileName, bytes, limits);
        List<IDictionary<string, object?>> rows;
        try
        {
            using var stream = new MemoryStream(bytes);
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Take(limits.MaxRows + 2)
                .ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or IOException or NotSupportedException)
        {
            throw new TabularFileException($"{fileName}: 不是可读的 Excel (.xlsx) 文件（{ex.Message}） / not a readable .xlsx workbook ({ex.Message})");
        }

        if (rows.Count == 0)
        {
            throw new TabularFileException($"{fileName}: 工作表为空 / the first sheet is empty");
        }

        var columns = rows.SelectMany(r => r.Keys).Distinct().OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var headers = columns.Select(c => CellText(rows[0].TryGetValue(c, out var v) ? v : null) ?? string.Empty).ToList();
        var data = new List<TabularRow>(rows.Count);
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            data.Add(new TabularRow(i + 1, columns.Select(c => CellText(row.TryGetValue(c, out var v) ? v : null)).ToList()));
        }

        return Finish(fileName, headers, data, limits);
    }

    private static void CheckArchive(string fileName, byte[] bytes, TabularLimits limits)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (archive.Entries.Count > limits.MaxZipEntries)
            {
                throw new TabularFileException($"{fileName}: 压缩包条目过多 ({archive.Entries.Count}) / too many entries in the workbook archive");
            }

            long unpacked = 0;
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.Contains("..", StringComparison.Ordinal) || entry.FullName.StartsWith('/'))
                {
                    throw new TabularFileException($"{fileName}: 压缩包含非法路径 “{entry.FullName}” / the archive holds an unsafe path “{entry.FullName}”");
                }

                unpacked += entry.Length;
                if (unpacked > limits.MaxUnpackedBytes)
                {
                    throw new TabularFileException($"{fileName}: 解压后超过 {limits.MaxUnpackedBytes / (1024 * 1024)} MB / the workbook unpacks to more than the limit");
                }
            }

            if (archive.GetEntry("xl/workbook.xml") is null)
            {
                throw new TabularFileException($"{fileName}: 压缩文件不是 Excel 工作簿 / a zip file, but not an .xlsx workbook");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new TabularFileException($"{fileName}: 文件已损坏（{ex.Message}） / the file is damaged ({ex.Message})");
        }
    }

    private static TabularFile ReadCsv(string fileName, byte[] bytes, TabularLimits limits)
    {
        var text = DecodeText(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new TabularFileException($"{fileName}: 不是文本或 Excel 文件 / neither a text (CSV) nor an Excel (.xlsx, .xls) file");
        }

        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = false, MaxBufferSize = 16 * 1024 * 1024 });
        var records = new List<List<string?>>();
        while (reader.Read())
        {
            var cells = new List<string?>(reader.RowFieldCount);
            for (var i = 0; i < reader.RowFieldCount; i++)
            {
                var value = reader.GetString(i);
                cells.Add(string.IsNullOrWhiteSpace(value) ? null : value.Trim());
            }

            records.Add(cells);
            if (records.Count > limits.MaxRows + 1)
            {
                break;
            }
        }

        if (records.Count == 0)
        {
            throw new TabularFileException($"{fileName}: 文件为空 / the file is empty");
        }

        var headers = records[0].Select(h => h ?? string.Empty).ToList();
        var rows = records.Skip(1).Select((cells, i) => new TabularRow(i + 2, cells)).ToList();
        return Finish(fileName, headers, rows, limits);
    }

    private static TabularFile Finish(string fileName, List<string> headers, List<TabularRow> rows, TabularLimits limits)
    {
        while (rows.Count > 0 && rows[^1].IsEmpty)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (rows.Count > limits.MaxRows)
        {
            throw new TabularFileException($"{fileName}: 数据行超过上限 {limits.MaxRows} / more than {limits.MaxRows} data rows");
        }

        return new TabularFile(fileName, headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList(), rows);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise GB18030.</summary>
    public static string DecodeText(byte[] bytes)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            var text = strict.GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
