using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Documents;

/// <summary>
/// A count of the cluster's firms or filings that a source document reports (上市企業32家, 42個重點算法…備案), read
/// by the seed editors: what is counted as the document words it, the scope and year it states (empty when it states
/// none), the sentence, and the sentence that gives its scope or year. A different measure from the registry's own
/// counts, shown beside them and labelled as reported.
/// </summary>
public sealed class ReportedFigure
{
    public int Id { get; set; }

    /// <summary>What it counts, in the registry's words where it has them (listed, unicorn …), for the link to the registry's own count.</summary>
    public string Key { get; set; } = "";

    /// <summary>What is counted, as the document words it (全球独角兽企业, 各级独角兽(含培育)企业).</summary>
    public string Label { get; set; } = "";

    public string LabelEn { get; set; } = "";

    /// <summary>Where the count is of, as the document says (苏州市人工智能产业, 苏州工业园区).</summary>
    public string Scope { get; set; } = "";

    public decimal Value { get; set; }

    public string Unit { get; set; } = "";

    /// <summary>The year the document gives the count for; null when it gives none.</summary>
    public int? Year { get; set; }

    public int DocumentId { get; set; }

    public string Quote { get; set; } = "";

    public int QuoteStart { get; set; }

    /// <summary>The sentence that states the scope or year, when it is not the figure's own.</summary>
    public string? Context { get; set; }
}

internal sealed class ReportedFigureConfiguration : IEntityTypeConfiguration<ReportedFigure>
{
    public void Configure(EntityTypeBuilder<ReportedFigure> b)
    {
        b.ToTable("reported_figures");
        b.Property(f => f.Key).HasMaxLength(40);
        b.Property(f => f.Label).HasMaxLength(100);
        b.Property(f => f.LabelEn).HasMaxLength(200);
        b.Property(f => f.Scope).HasMaxLength(100);
        b.Property(f => f.Unit).HasMaxLength(10);
        b.Property(f => f.Quote).HasMaxLength(2000);
        b.Property(f => f.Context).HasMaxLength(2000);
        b.HasOne<Document>().WithMany().HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The reported figures as pages and the API show them, each with the link to its sentence.</summary>
[FeatureContract]
public sealed class ListReportedFigures(InnoClusterDbContext db)
{
    public sealed record Figure(string Key, string Label, string LabelEn, string Scope, decimal Value, string Unit, int? Year, int DocumentId, string DocumentTitle, string Quote, string Link);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken) =>
        [.. (await (from f in db.Set<ReportedFigure>().AsNoTracking()
                    join d in db.Set<Document>() on f.DocumentId equals d.Id
                    orderby f.Id
                    select new { f, d.Title }).ToListAsync(cancellationToken))
            .Select(x => new Figure(x.f.Key, x.f.Label, x.f.LabelEn, x.f.Scope, x.f.Value, x.f.Unit, x.f.Year, x.f.DocumentId, x.Title, x.f.Quote,
                DocumentLinks.At(x.f.DocumentId, x.f.QuoteStart, x.f.QuoteStart + x.f.Quote.Length)))];
}

/// <summary>
/// Loads data/seed/reported-figures.json: each figure's sentence (and the sentence giving its scope or year) must
/// stand in the cleaned text of its seed document, and its value must be written in the sentence, or loading stops
/// naming the figure. The seed's figures replace those an earlier seed loaded.
/// </summary>
public sealed class ReportedFigureSeedStep : ISeedStep
{
    public const string FileName = "reported-figures.json";

    public string Name => "reported-figures";

    public int Order => 30;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = [FileName];

    private sealed record SeedFigure(string Key, string Label, string LabelEn, string Scope, decimal Value, string Unit, int? Year, string Source, string Quote, string? Context);

    private sealed record SeedData(List<SeedFigure> Figures);

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var library = context.Services.GetRequiredService<IDocumentLibrary>();
        var seed = System.Text.Json.JsonSerializer.Deserialize<SeedData>(await File.ReadAllTextAsync(context.PathOf(FileName), cancellationToken), System.Text.Json.JsonSerializerOptions.Web)!;
        await db.Set<ReportedFigure>().ExecuteDeleteAsync(cancellationToken);
        foreach (var figure in seed.Figures)
        {
            var where = $"{FileName}, {figure.Key} in {figure.Source}";
            var document = await library.SeedTextAsync(figure.Source, cancellationToken) ?? throw new InvalidDataException($"{where}: no seed document {figure.Source}");
            var at = document.Text.IndexOf(figure.Quote, StringComparison.Ordinal);
            if (at < 0 || (figure.Context is { } stated && !document.Text.Contains(stated, StringComparison.Ordinal)))
            {
                throw new InvalidDataException($"{where}: the {(at < 0 ? "quote" : "context")} is not in the document");
            }

            var written = figure.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + figure.Unit;
            if (!InnoCluster.Text.TextNormalizer.Normalize(figure.Quote).Contains(InnoCluster.Text.TextNormalizer.Normalize(written), StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{where}: the quote does not write {written}");
            }

            db.Add(new ReportedFigure
            {
                Key = figure.Key, Label = figure.Label, LabelEn = figure.LabelEn, Scope = figure.Scope, Value = figure.Value, Unit = figure.Unit, Year = figure.Year,
                DocumentId = document.Id, Quote = figure.Quote, QuoteStart = at, Context = figure.Context,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
