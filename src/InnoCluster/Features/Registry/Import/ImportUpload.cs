using InnoCluster.Infrastructure.Files;

namespace InnoCluster.Features.Registry.Import;

/// <summary>An uploaded spreadsheet read within the import limits, or the report of why it cannot be; and its columns by header.</summary>
public static class ImportUpload
{
    public static (TabularFile? File, ImportReport? Refused) Read(string safeName, Stream content, ImportOptions options, string? mapping, bool dryRun)
    {
        try
        {
            return (TabularFileReader.Read(safeName, content, new TabularLimits(options.MaxFileBytes, options.MaxRows)), null);
        }
        catch (TabularFileException ex)
        {
            return (null, ImportReport.ForFileError(safeName, mapping, dryRun, ex.Message));
        }
    }

    /// <summary>Each header's column (the first when a header repeats), headers trimmed.</summary>
    public static IReadOnlyDictionary<string, int> Columns(TabularFile file) =>
        file.Headers.Select((h, i) => (Header: h.Trim(), Index: i)).GroupBy(h => h.Header, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Index, StringComparer.Ordinal);
}
