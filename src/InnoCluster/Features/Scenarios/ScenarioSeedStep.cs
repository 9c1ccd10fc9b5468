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
/// published demand with one pair holding a single Landed step, recorded from the document and dated by it —
/// no source describes contact, negotiation or a contract, so no such step is made up; each figure with its
/// sentence. Every quote must be in the cleaned text of its seed document and state the case's owner and
/// vendor, or loading stops naming the case and the field.
/// </summary>
public sealed class ScenarioSeedStep : ISeedStep
{
    public const string FileName = "scenario-cases.json";

    public string Name => "scenario-cases";

    public int Order => 50;

    public int Version => 2;

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
            var where = $"{FileName}, case '{item.Key}'";
            await DocumentAsync(item.Source, item.Quote, where);
            if (item.Outcome is not null)
            {
                await DocumentAsync(item.Source, item.Outcome, where + ", outcome");
            }

            foreach (var (field, value) in new[] { ("owner", item.Owner), ("vendor", item.Vendor) })
            {
                if (value is not null)
                {
                    SeedFacts.Require(item.Quote, where, field, [value]);
                }
            }

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

            // The pair as the document records it: landed, on the date it gives; nothing before that is known.
            await db.Set<Docking>().Where(x => x.DemandId == demand.Id).ExecuteDeleteAsync(cancellationToken);
            var at = new DateTimeOffset(item.LandedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var docking = new Docking { DemandId = demand.Id, EnterpriseId = vendorId, Stage = DockingStage.Landed, CreatedAt = at, UpdatedAt = at };
            docking.Steps.Add(new DockingStep
            {
                Stage = DockingStage.Landed,
                At = at,
                By = "seed: " + item.Source,
                Recorded = true,
                Note = string.Join(" ", new[] { item.Outcome, item.DateNote is null ? null : $"（日期：{item.DateNote}）" }.Where(n => n is not null)),
            });
            db.Add(docking);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Cases an earlier seed held and the file no longer does (e.g. one no source supports) leave with their pairs.
        var kept = seed.Cases.Select(c => "seed:" + c.Key).ToList();
        var dropped = await db.Set<Demand>().Where(d => d.ExternalId != null && d.ExternalId.StartsWith("seed:") && !kept.Contains(d.ExternalId)).Select(d => d.Id).ToListAsync(cancellationToken);
        await db.Set<Docking>().Where(x => dropped.Contains(x.DemandId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<DockingInvitation>().Where(x => x.DemandId != null && dropped.Contains(x.DemandId.Value)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Demand>().Where(d => dropped.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);

        await context.Services.GetRequiredService<DemandIndex>().IndexAsync(db, demands, cancellationToken);
    }
}
