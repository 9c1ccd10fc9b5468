using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>One enterprise with everything the registry knows and where each fact comes from.</summary>
public sealed class GetEnterprise(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record NameDto(string Name, string Kind, Provenance? Source);

    public sealed record ChainLinkDto(ChainNodeRef Node, IReadOnlyList<ChainNodeRef> Path, Provenance? Source);

    public sealed record FigureDto(int Year, decimal? Revenue, decimal? RdSpend, int? Employees, int? PatentsGranted, int? PatentsValid, Provenance? Source);

    public sealed record FilingDto(string Kind, string Name, string? Number, int? Year, Provenance? Source);

    public sealed record ProductDto(string Name, string? Description, Provenance? Source);

    public sealed record StatementDto(string? Topic, Provenance Source);

    public sealed record CarrierRef(int Id, string Name, string Kind);

    public sealed record SourceRef(string Source, ProvenanceKind Kind, DateOnly? Date, int Facts);

    public sealed record Details(
        int Id,
        string Name,
        string? CreditCode,
        bool CreditCodeKnown,
        string? City,
        DistrictRef? District,
        Provenance? DistrictSource,
        DateOnly? EstablishedOn,
        int? EstablishedYear,
        Provenance? EstablishedSource,
        string? Business,
        IReadOnlyList<NameDto> Names,
        IReadOnlyList<TierDto> Tiers,
        IReadOnlyList<ChainLinkDto> ChainNodes,
        IReadOnlyList<FigureDto> Figures,
        IReadOnlyList<FilingDto> Filings,
        IReadOnlyList<ProductDto> Products,
        IReadOnlyList<StatementDto> Statements,
        IReadOnlyList<CarrierRef> Carriers,
        IReadOnlyList<SourceRef> Sources,
        DateTimeOffset UpdatedAt);

    public async Task<Details?> RunAsync(int id, CancellationToken cancellationToken)
    {
        var e = await db.Set<Enterprise>().AsNoTracking()
            .Include(x => x.District)
            .Include(x => x.Names)
            .Include(x => x.Tiers.Where(t => t.Status == RecordStatus.Confirmed))
            .Include(x => x.ChainLinks).ThenInclude(l => l.ChainNode)
            .Include(x => x.Figures)
            .Include(x => x.Filings.Where(f => f.Status == RecordStatus.Confirmed))
            .Include(x => x.Products)
            .Include(x => x.Statements)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return null;
        }

        var nodes = await db.Set<ChainNode>().AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken);
        var carriers = await db.Set<Carrier>().AsNoTracking().Where(c => c.HostEnterpriseId == id)
            .Select(c => new CarrierRef(c.Id, c.Name, c.Kind.ToString())).ToListAsync(cancellationToken);

        var provenances = new List<Provenance?> { e.DistrictSource, e.EstablishedSource };
        provenances.AddRange(e.Names.Select(n => n.Source));
        provenances.AddRange(e.Tiers.Select(t => t.Source));
        provenances.AddRange(e.ChainLinks.Select(l => l.Source));
        provenances.AddRange(e.Figures.Select(f => f.Source));
        provenances.AddRange(e.Filings.Select(f => f.Source));
        provenances.AddRange(e.Products.Select(p => p.Source));
        provenances.AddRange(e.Statements.Select(s => s.Source));
        var sources = provenances
            .Where(p => p is not null && p.Kind is ProvenanceKind.Document or ProvenanceKind.Import)
            .GroupBy(p => (p!.Source, p.Kind))
            .Select(g => new SourceRef(g.Key.Source, g.Key.Kind, g.Max(p => p!.SourceDate), g.Count()))
            .OrderBy(s => s.Kind).ThenBy(s => s.Source, StringComparer.Ordinal)
            .ToList();

        return new Details(
            e.Id,
            e.Name,
            e.CreditCode,
            e.CreditCode is not null,
            e.City,
            e.District is null ? null : new DistrictRef(e.District.Code, e.District.Name, e.District.NameEn),
            e.DistrictSource,
            e.EstablishedOn,
            e.EstablishedYear,
            e.EstablishedSource,
            e.Business,
            e.Names.Where(n => n.Kind != EnterpriseNameKind.Legal || n.Name != e.Name).Select(n => new NameDto(n.Name, n.Kind.ToString(), n.Source)).ToList(),
            e.Tiers.OrderBy(t => t.Tier).ThenByDescending(t => t.Year).Select(t => ListEnterprises.ToDto(t, BeijingTime.Today(clock))).ToList(),
            e.ChainLinks.Where(l => l.ChainNode is not null).OrderBy(l => l.ChainNode!.SortOrder)
                .Select(l => new ChainLinkDto(Ref(l.ChainNode!), PathOf(l.ChainNode!, nodes), l.Source)).ToList(),
            e.Figures.OrderByDescending(f => f.Year).Select(f => new FigureDto(f.Year, f.Revenue, f.RdSpend, f.Employees, f.PatentsGranted, f.PatentsValid, f.Source)).ToList(),
            e.Filings.Select(f => new FilingDto(f.Kind.ToString(), f.Name, f.Number, f.Year, f.Source)).ToList(),
            e.Products.Select(p => new ProductDto(p.Name, p.Description, p.Source)).ToList(),
            e.Statements.Select(s => new StatementDto(s.Topic, s.Source)).ToList(),
            carriers,
            sources,
            e.UpdatedAt);
    }

    private static ChainNodeRef Ref(ChainNode n) => new(n.Code, n.Name, n.NameEn, n.Layer.ToString());

    private static List<ChainNodeRef> PathOf(ChainNode node, Dictionary<int, ChainNode> nodes)
    {
        var path = new List<ChainNodeRef>();
        for (var current = node; current is not null; current = current.ParentId is { } p ? nodes.GetValueOrDefault(p) : null)
        {
            path.Insert(0, Ref(current));
        }

        return path;
    }
}
