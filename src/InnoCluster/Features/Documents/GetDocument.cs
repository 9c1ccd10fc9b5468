using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Documents;

/// <summary>A document with one version's text, outline and facts (the current version unless asked).</summary>
[FeatureContract]
public sealed class GetDocument(InnoClusterDbContext db, IRegistryDirectory registry)
{
    public sealed record Section(int Level, string Label, string Title, int Start);

    /// <summary>
    /// A fact as the extractor read it from one sentence. <see cref="ReadBy"/> is always "machine": no official
    /// confirms document facts, so they are never the office's statement (figures it confirms live in the plans).
    /// </summary>
    public sealed record Fact(int Id, string Kind, string? Subject, string? Metric, decimal? Value, decimal? UpperValue, string? Unit, string? Qualifier, int? Year,
        string Text, int SentenceStart, int SentenceLength, string Sentence, int? EnterpriseId, string? EnterpriseName, int? CarrierId, string? CarrierName, string? Ambiguity)
    {
        public string ReadBy => "machine";

        public bool Confirmed => false;
    }

    public sealed record VersionInfo(int Number, string SourceFile, string Format, DateTimeOffset IngestedAt, string? IngestedBy, bool Current);

    public sealed record Details(
        int Id,
        string Title,
        string Kind,
        string? DocumentNumber,
        string? IssuingBody,
        string Level,
        string? LevelText,
        string Status,
        IReadOnlyList<string> Categories,
        IReadOnlyList<string> SupportMethods,
        IReadOnlyList<string> SupportedIndustries,
        string? DisclosureIndex,
        DateOnly? GeneratedOn,
        DateOnly? PublishedOn,
        DateOnly? DocumentDate,
        int? Year,
        string? Source,
        string? Author,
        string? SeedFile,
        int Version,
        IReadOnlyList<VersionInfo> Versions,
        string Text,
        IReadOnlyList<Section> Outline,
        IReadOnlyList<Fact> Facts);

    public async Task<Details?> RunAsync(int id, int? versionNumber, CancellationToken cancellationToken)
    {
        var d = await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null)
        {
            return null;
        }

        var versions = await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.SourceFile, v.Format, v.IngestedAt, v.IngestedBy }).ToListAsync(cancellationToken);
        var chosen = versionNumber is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.FirstOrDefault(v => v.Id == d.CurrentVersionId);
        if (chosen is null)
        {
            return null;
        }

        var text = await db.Set<DocumentVersion>().Where(v => v.Id == chosen.Id).Select(v => v.CleanText).SingleAsync(cancellationToken);
        var sections = await db.Set<DocumentSection>().AsNoTracking().Where(s => s.VersionId == chosen.Id).OrderBy(s => s.Order)
            .Select(s => new Section(s.Level, s.Label, s.Title, s.Start)).ToListAsync(cancellationToken);
        var facts = await db.Set<DocumentFact>().AsNoTracking().Where(f => f.VersionId == chosen.Id).OrderBy(f => f.TextStart).ToListAsync(cancellationToken);
        var names = await registry.EnterpriseNamesAsync(facts.Where(f => f.EnterpriseId != null).Select(f => f.EnterpriseId!.Value).Distinct().ToList(), cancellationToken);
        var carriers = await registry.CarrierNamesAsync(facts.Where(f => f.CarrierId != null).Select(f => f.CarrierId!.Value).Distinct().ToList(), cancellationToken);
        return new Details(
            d.Id, d.Title, d.Kind.ToString(), d.DocumentNumber, d.IssuingBody, d.Level.ToString(), d.LevelText, d.Status.ToString(),
            d.Categories, d.SupportMethods, d.SupportedIndustries, d.DisclosureIndex, d.GeneratedOn, d.PublishedOn, d.DocumentDate, d.Year, d.Source, d.Author, d.SeedFile,
            chosen.Number,
            versions.Select(v => new VersionInfo(v.Number, v.SourceFile, v.Format, v.IngestedAt, v.IngestedBy, v.Id == d.CurrentVersionId)).ToList(),
            text,
            sections,
            facts.Select(f => new Fact(f.Id, f.Kind.ToString(), f.Subject, f.Metric, f.Value, f.UpperValue, f.Unit, f.Qualifier, f.Year, f.Text, f.SentenceStart, f.SentenceLength, f.Sentence,
                f.EnterpriseId, f.EnterpriseId is { } e ? names.GetValueOrDefault(e) : null, f.CarrierId, f.CarrierId is { } c ? carriers.GetValueOrDefault(c) : null, f.Ambiguity)).ToList());
    }

    /// <summary>Where a quoted clause stands in a seed document's current clean text (for "where does this come from?").</summary>
    public async Task<(int DocumentId, int? SentenceStart, int? QuoteEnd)?> LocateAsync(string seedFile, string? quote, CancellationToken cancellationToken)
    {
        var id = await db.Set<Document>().AsNoTracking().Where(d => d.SeedFile == seedFile).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } documentId ? await LocateAsync(documentId, quote, cancellationToken) : null;
    }

    /// <summary>Where a quote stands in a document's current text: its sentence's start and the quote's end (null when not found).</summary>
    public async Task<(int DocumentId, int? SentenceStart, int? QuoteEnd)?> LocateAsync(int documentId, string? quote, CancellationToken cancellationToken)
    {
        var row = await db.Set<Document>().AsNoTracking().Where(d => d.Id == documentId).Select(d => new { d.Id, d.CurrentVersionId }).FirstOrDefaultAsync(cancellationToken);
        if (row?.CurrentVersionId is not { } versionId)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(quote))
        {
            return (row.Id, null, null);
        }

        var text = await db.Set<DocumentVersion>().Where(v => v.Id == versionId).Select(v => v.CleanText).SingleAsync(cancellationToken);
        var cleanQuote = ConversionArtefacts.RemovePinyin(quote).Trim();
        var at = text.IndexOf(cleanQuote, StringComparison.Ordinal);
        if (at < 0)
        {
            return (row.Id, null, null);
        }

        var sentence = Sentences.Split(text).FirstOrDefault(s => s.Start <= at && at < s.End);
        return (row.Id, sentence.Length > 0 ? sentence.Start : at, at + cleanQuote.Length);
    }
}

/// <summary>The registry asks the library which documents name an enterprise.</summary>
public sealed class EnterpriseMentions(InnoClusterDbContext db) : IEnterpriseMentions
{
    public async Task<IReadOnlyList<MentioningDocument>> ForEnterpriseAsync(int enterpriseId, CancellationToken cancellationToken)
    {
        var rows = await (from f in db.Set<DocumentFact>().AsNoTracking()
                          join d in db.Set<Document>().AsNoTracking() on f.VersionId equals d.CurrentVersionId
                          where f.EnterpriseId == enterpriseId
                          select new { d.Id, d.Title, d.Kind, d.DocumentDate, f.Sentence, f.SentenceStart })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id)
            .Select(g => new MentioningDocument(g.Key, g.First().Title, g.First().Kind.ToString(), g.First().DocumentDate, g.Count(), g.OrderBy(x => x.SentenceStart).First().Sentence, g.Min(x => x.SentenceStart)))
            .OrderByDescending(m => m.Mentions).ThenByDescending(m => m.Date)
            .Take(50)
            .ToList();
    }
}
