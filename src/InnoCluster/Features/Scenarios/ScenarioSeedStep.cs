using InnoCluster.Features.Documents;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// The scenario cases and figures the source documents report (data/seed/scenario-cases.json): each case a
/// published demand with a landed pair whose steps are marked as recorded from the document; each figure
/// with its sentence. Every quote must be in the cleaned text of its seed document, or loading stops.
/// </summary>
public sealed class ScenarioSeedStep : ISeedStep
{
    public const string FileName = "scenario-cases.json";

    public string Name => "scenario-cases";

    public int Order => 50;

    public int Version => 1;

    public IReadOnlyList<string> Files { get; } = [FileName];

    private sealed record SeedFigure(string Key, int Value, string Unit, string Source, string Quote, DateOnly ObservedOn);

    private sealed record SeedCase(string Key, string Title, string Problem, string? Owner, string? Sector, string? District, string? Vendor, List<string> Capabilities,
        string Source, string Quote, string? Outcome, DateOnly LandedOn, string? DateNote);

    private sealed record SeedData(List<SeedFigure> Figures, List<SeedCase> Cases);

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var library = context.Services.GetRequiredService<IDocumentLibrary>();
        var registry = context.Services.GetRequiredService<IRegistryDirectory>();
        var seed = System.Text.Json.JsonSerializer.Deserialize<SeedData>(await File.ReadAllTextAsync(context.PathOf(FileName), cancellationToken), System.Text.Json.JsonSerializerOptions.Web)!;
        var documents = new Dictionary<string, (int Id, string Text)>(StringComparer.Ordinal);
        async Task<(int Id, string Text)> DocumentAsync(string file, string quote, string where)
        {
            if (!documents.TryGetValue(file, out var found))
            {
                var document = await library.SeedTextAsync(file, cancellationToken)
                    ?? throw new InvalidDataException($"{FileName}, {where}: no seed document {file}");
                found = (document.Id, document.Text);

                documents[file] = found;
            }

            return found.Text.Contains(quote, StringComparison.Ordinal)
                ? found
                : throw new InvalidDataException($"{FileName}, {where}: the quote is not in {file}: {quote}");
        }

        var now = context.Clock.GetUtcNow();
        await db.Set<ScenarioFigure>().Where(f => f.RecordedBy == "seed").ExecuteDeleteAsync(cancellationToken);
        foreach (var figure in seed.Figures)
        {
            if (!ScenarioFigures.All.Contains(figure.Key))
            {
                throw new InvalidDataException($"{FileName}: unknown figure \"{figure.Key}\" (one of {string.Join(", ", ScenarioFigures.All)})");
            }

            var (documentId, _) = await DocumentAsync(figure.Source, figure.Quote, figure.Key);
            db.Add(new ScenarioFigure { Key = figure.Key, Value = figure.Value, Unit = figure.Unit, ObservedOn = figure.ObservedOn, DocumentId = documentId, Quote = figure.Quote, RecordedBy = "seed" });
        }

        var districts = (await registry.DistrictsAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Id);
        var demands = new List<Demand>();
        foreach (var item in seed.Cases)
        {
            var where = "case " + item.Key;
            await DocumentAsync(item.Source, item.Quote, where);
            if (item.Sector is not null && !Sectors.All.Contains(item.Sector))
            {
                throw new InvalidDataException($"{FileName}, {where}: unknown sector {item.Sector}");
            }

            int? districtId = item.District is null ? null : districts.TryGetValue(item.District, out var d) ? d : throw new InvalidDataException($"{FileName}, {where}: unknown district {item.District}");
            int? vendorId = null;
            if (item.Vendor is not null)
            {
                vendorId = await registry.EnterpriseNamedAsync(item.Vendor, cancellationToken)
                    ?? throw new InvalidDataException($"{FileName}, {where}: no registry enterprise named {item.Vendor}");
            }

            var externalId = "seed:" + item.Key;
            var demand = await db.Set<Demand>().SingleOrDefaultAsync(x => x.ExternalId == externalId, cancellationToken);
            if (demand is null)
            {
                demand = new Demand { ExternalId = externalId, CreatedAt = now };
                db.Add(demand);
            }

            demand.Title = item.Title;
            demand.Problem = item.Problem;
            demand.OwnerName = item.Owner;
            demand.Sector = item.Sector;
            demand.DistrictId = districtId;
            demand.Capabilities = item.Capabilities;
            demand.Status = DemandStatus.Published;
            demand.Source = Provenance.FromDocument(item.Source, item.Quote, item.LandedOn);
            demand.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            demands.Add(demand);

            // The pair, every step recorded from the document and dated by it.
            await db.Set<Docking>().Where(x => x.DemandId == demand.Id).ExecuteDeleteAsync(cancellationToken);
            var at = new DateTimeOffset(item.LandedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var docking = new Docking { DemandId = demand.Id, EnterpriseId = vendorId, Stage = DockingStage.Landed, CreatedAt = at, UpdatedAt = at };
            foreach (var stage in DockingRules.Forward.Where(s => s <= DockingStage.Landed))
            {
                docking.Steps.Add(new DockingStep
                {
                    Stage = stage,
                    At = at,
                    By = "seed: " + item.Source,
                    Recorded = true,
                    Note = stage == DockingStage.Landed ? string.Join(" ", new[] { item.Outcome, item.DateNote is null ? null : $"（日期：{item.DateNote}）" }.Where(n => n is not null)) : null,
                });
            }

            db.Add(docking);
            await db.SaveChangesAsync(cancellationToken);
        }

        await context.Services.GetRequiredService<DemandIndex>().IndexAsync(db, demands, cancellationToken);
    }
}
