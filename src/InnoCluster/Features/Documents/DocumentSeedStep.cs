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
