using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;

namespace InnoCluster.Features.Documents;

/// <summary>The five source documents, ingested at first start like any other document (after the registry, so mentions link).</summary>
public sealed class DocumentSeedStep(InnoCluster.Infrastructure.InnoClusterPaths paths) : ISeedStep
{
    public string Name => "documents";

    public int Order => 20;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } =
        [SeedSources.FileName, .. Directory.GetFiles(Path.Combine(paths.SeedDirectory, "documents")).Select(f => "documents/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var sources = SeedSources.Load(context.Paths);
        var ingestion = context.Services.GetRequiredService<DocumentIngestion>();
        foreach (var source in sources.Documents.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(context.Paths.SeedDirectory, "documents", source.File);
            var kind = Enum.TryParse<DocumentKind>(source.Kind, ignoreCase: true, out var k) ? k : (DocumentKind?)null;
            var result = await ingestion.IngestAsync(path, await File.ReadAllBytesAsync(path, cancellationToken), new IngestHints(source.Title, kind, source.Date, source.Publisher, source.File), cancellationToken);
            if (result.Outcome == IngestOutcome.Rejected)
            {
                throw new InvalidDataException($"Seed document {source.File} was refused: {result.Error}");
            }
        }
    }
}

/// <summary>
/// Reads every stored document's facts again when the extractor changes (<see cref="FactExtractor.Version"/>):
/// a database made by an older version keeps no older reading. After the documents step, before clauses.
/// </summary>
public sealed class DocumentFactsSeedStep : ISeedStep
{
    public string Name => "document-facts";

    public int Order => 25;

    public int Version => FactExtractor.Version;

    public IReadOnlyList<string> Files { get; } = [];

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken) =>
        await context.Services.GetRequiredService<RereadDocumentFacts>().RunAsync(null, cancellationToken);
}
