using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Cli;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

/// <summary>The document library: ingestion, Chinese search, facts with provenance.</summary>
public static class DocumentsFeature
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection("Documents"));
        services.AddScoped<DocumentIngestion>();
        services.AddSingleton<Infrastructure.Jobs.IJobKind, DocumentBatchJob>();
        services.AddScoped<DocumentFactReader>();
        services.AddScoped<RereadDocumentFacts>();
        services.AddSingleton<ISeedStep, DocumentFactsSeedStep>();
        services.AddScoped<DocumentSearch>();
        services.AddScoped<QuestionParagraphs>();
        services.AddScoped<NamedLaws>();
        services.AddScoped<Workspace.ISavedSearchSource, DocumentSearchSource>();
        services.AddScoped<ExportSearchResults>();
        services.AddScoped<GetDocument>();
        services.AddScoped<IDocumentLibrary, DocumentLibrary>();
        services.AddScoped<ILetterPublisher, LetterPublisher>();
        services.AddScoped<IEnterpriseMentions, EnterpriseMentions>();
        services.AddSingleton<ISeedStep, DocumentSeedStep>();
        services.AddSingleton<ISeedStep, ReportedFigureSeedStep>();
        services.AddScoped<ListReportedFigures>();
        services.AddSingleton<ICliVerb, ImportDocumentsVerb>();
        services.AddSingleton<IRebuildableIndex, DocumentIndexes.DocumentsIndex>();
        services.AddSingleton<IRebuildableIndex, DocumentIndexes.PassagesIndex>();
        services.AddSingleton<DocumentSearchIndex>();
        services.AddSingleton<DocumentSqlSearch>();
        services.AddSingleton<IRebuildableIndex>(sp => sp.GetRequiredService<DocumentSearchIndex>());
        services.AddSingleton<DocumentPassageIndex>();
        services.AddSingleton<IRebuildableIndex>(sp => sp.GetRequiredService<DocumentPassageIndex>());
        services.AddHostedService<DocumentSearchIndexFollower>();
        return services;
    }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        app.MapDocumentsApi();
        return app;
    }
}

/// <summary>Rebuilding the library's two indexes from the stored current versions (`reindex documents|passages`).</summary>
public static class DocumentIndexes
{
    private sealed record CurrentVersion(int DocumentId, string Title, int VersionId, string CleanText);

    /// <summary>The documents after a key, in key order, each with its current version's text.</summary>
    private static IQueryable<CurrentVersion> CurrentVersionsAfter(InnoClusterDbContext db, long after) =>
        from d in db.Set<Document>().AsNoTracking()
        join v in db.Set<DocumentVersion>().AsNoTracking() on d.CurrentVersionId equals v.Id
        where d.Id > after
        orderby d.Id
        select new CurrentVersion(d.Id, d.Title, v.Id, v.CleanText);

    public sealed class DocumentsIndex(ISearchDialect dialect) : SqlSearchIndex(dialect)
    {
        public override SearchIndex Index => SearchIndex.Documents;

        protected override async Task<Batch?> ReadBatchAsync(InnoClusterDbContext db, long after, CancellationToken cancellationToken)
        {
            var batch = await CurrentVersionsAfter(db, after).Take(500).ToListAsync(cancellationToken);
            return batch.Count == 0 ? null : new Batch([.. batch.Select(b => new Text(b.DocumentId, b.Title, b.CleanText))], batch[^1].DocumentId);
        }
    }

    public sealed class PassagesIndex(ISearchDialect dialect) : SqlSearchIndex(dialect)
    {
        public override SearchIndex Index => SearchIndex.Passages;

        /// <summary>The passages of 200 documents' current versions at a time (paged by document).</summary>
        protected override async Task<Batch?> ReadBatchAsync(InnoClusterDbContext db, long after, CancellationToken cancellationToken)
        {
            var versions = await CurrentVersionsAfter(db, after).Take(200).ToListAsync(cancellationToken);
            if (versions.Count == 0)
            {
                return null;
            }

            var versionIds = versions.Select(v => v.VersionId).ToList();
            var passages = await db.Set<DocumentPassage>().AsNoTracking().Where(p => versionIds.Contains(p.VersionId)).ToListAsync(cancellationToken);
            var texts = versions.ToDictionary(v => v.VersionId, v => v.CleanText);
            return new Batch([.. passages.Select(p => new Text(p.Id, string.Empty, texts[p.VersionId].Substring(p.Start, p.Length)))], versions[^1].DocumentId);
        }
    }
}
