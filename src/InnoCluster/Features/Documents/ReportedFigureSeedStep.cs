using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Documents;

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

    public int Version => 2;

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
