using System.Diagnostics;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Data;

namespace InnoCluster.Features.Documents;

public sealed class ImportDocumentsVerb : ICliVerb
{
    private static readonly string[] Extensions = [".html", ".htm", ".txt", ".md", ".pdf", ".docx"];

    public IReadOnlyList<string> Words { get; } = ["import", "documents"];

    public string Usage => "import documents PATH...       ingest files or folders (HTML, text, Markdown, PDF, .docx); each file all-or-nothing";

    public async Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var paths = command.Words.Skip(2).ToList();
        if (paths.Count == 0)
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                await output.WriteLineAsync($"ERROR {path}: 文件或目录不存在 / no such file or folder");
                return 1;
            }
        }

        var ingestion = services.GetRequiredService<DocumentIngestion>();
        var counts = new Dictionary<IngestOutcome, int>();
        var clock = Stopwatch.StartNew();
        for (var index = 0; index < files.Count; index++)
        {
            var file = files[index];
            IngestResult result;
            try
            {
                result = await ingestion.IngestAsync(file, await File.ReadAllBytesAsync(file, cancellationToken), null, cancellationToken);
            }
            catch (Exception ex) when (StorageFailure.IsStorage(ex))
            {
                // Each file is its own transaction: this one left nothing behind, those before it are stored.
                counts[IngestOutcome.Rejected] = counts.GetValueOrDefault(IngestOutcome.Rejected) + 1;
                await output.WriteLineAsync($"ERROR {file}: {StorageFailure.Describe(ex)}");
                if (StorageFailure.IsDiskFull(ex))
                {
                    await output.WriteLineAsync($"Stopped: the disk is full; {files.Count - index - 1} files were not tried. Free space and run the same command again: files already stored are recognised and skipped.");
                    break;
                }

                continue;
            }

            counts[result.Outcome] = counts.GetValueOrDefault(result.Outcome) + 1;
            if (result.Outcome == IngestOutcome.Rejected)
            {
                await output.WriteLineAsync("ERROR " + result.Error);
            }
            else if (files.Count <= 50)
            {
                await output.WriteLineAsync($"{result.Outcome,-10} {result.Title} (document {result.DocumentId}, version {result.VersionNumber}, {result.Facts} facts)");
            }

            var done = counts.Values.Sum();
            if (files.Count > 50 && done % 200 == 0)
            {
                await output.WriteLineAsync($"… {done}/{files.Count} files, {done / clock.Elapsed.TotalSeconds:F1} files/s");
            }
        }

        await output.WriteLineAsync($"{files.Count} files in {clock.Elapsed.TotalSeconds:F1} s: {counts.GetValueOrDefault(IngestOutcome.Created)} new, {counts.GetValueOrDefault(IngestOutcome.NewVersion)} new versions, {counts.GetValueOrDefault(IngestOutcome.Unchanged)} unchanged, {counts.GetValueOrDefault(IngestOutcome.Rejected)} refused.");
        return counts.GetValueOrDefault(IngestOutcome.Rejected) > 0 ? 1 : 0;
    }
}
