namespace InnoCluster.Features.Registry.Import;

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>A problem in one cell (or one row, when Column is null), said so an official can fix it.</summary>
public sealed record ImportIssue(int Row, string? Column, string? Value, string Message, IssueSeverity Severity);

public sealed record SkippedRow(int Row, string Name, string Reason);

/// <summary>What an import did, or would do in a dry run: counts, every problem by row and column, skipped rows.</summary>
public sealed record ImportReport(
    string File,
    string? Mapping,
    bool DryRun,
    bool Applied,
    int Rows,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<SkippedRow> Skipped,
    IReadOnlyList<ImportIssue> Errors,
    IReadOnlyList<ImportIssue> Warnings,
    IReadOnlyList<string> Columns,
    string? FileError)
{
    public static ImportReport ForFileError(string file, string? mapping, bool dryRun, string error) =>
        new(file, mapping, dryRun, false, 0, 0, 0, 0, [], [], [], [], error);

    public bool HasErrors => FileError is not null || Errors.Count > 0;
}
