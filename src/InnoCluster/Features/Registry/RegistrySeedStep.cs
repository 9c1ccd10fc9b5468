using System.Globalization;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>
/// Loads districts, the chain taxonomy, enterprises and carriers named by the source documents
/// (data/seed/*.json). Upserts by code / seed key; rows that came from imports are left alone.
/// </summary>
public sealed class RegistrySeedStep(EnterpriseSearchIndexer indexer) : ISeedStep
{
    public string Name => "registry";

    public int Order => 10;

    public int Version => 2;

    public IReadOnlyList<string> Files { get; } =
        [SeedSources.FileName, "districts.json", "chain.json", "enterprises.json", "carriers.json"];

    public async Task ApplyAsync(InnoClusterDbContext db, SeedContext context, CancellationToken cancellationToken)
    {
        var sources = SeedSources.Load(context.Paths);
        Provenance Cite(SeedQuote quote) => sources.Cite(quote, context.Paths);
        Provenance? CiteOptional(SeedQuote? quote) => quote is null ? null : Cite(quote);
        var now = context.Clock.GetUtcNow();

        var districts = await SeedDistrictsAsync(db, context, CiteOptional, cancellationToken);
        var nodes = await SeedChainAsync(db, context, CiteOptional, cancellationToken);
        var places = new PlaceNames(districts.Values, sources);
        var enterprises = await SeedEnterprisesAsync(db, context, districts, nodes, places, Cite, now, cancellationToken);
        await SeedCarriersAsync(db, context, districts, nodes, enterprises, places, Cite, cancellationToken);

        await indexer.IndexAsync(db, enterprises.Values.Select(e => e.Id).ToList(), cancellationToken);
    }

    private static async Task<Dictionary<string, District>> SeedDistrictsAsync(
        InnoClusterDbContext db, SeedContext context, Func<SeedQuote?, Provenance?> cite, CancellationToken cancellationToken)
    {
        var seeds = SeedJson.Read<List<DistrictSeed>>(context.PathOf("districts.json"));
        var existing = await db.Set<District>().ToDictionaryAsync(d => d.Code, cancellationToken);
        var order = 0;
        foreach (var seed in seeds)
        {
            if (!existing.TryGetValue(seed.Code, out var district))
            {
                district = new District { Code = seed.Code };
                db.Add(district);
                existing[seed.Code] = district;
            }

            district.Name = seed.Name;
            district.NameEn = seed.NameEn;
            district.City = seed.City;
            district.IsCoreZone = seed.CoreZone;
            district.Aliases = seed.Aliases ?? [];
            district.Specialities = seed.Specialities;
            district.Source = cite(seed.Source);
            district.SortOrder = order++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private static async Task<Dictionary<string, ChainNode>> SeedChainAsync(
        InnoClusterDbContext db, SeedContext context, Func<SeedQuote?, Provenance?> cite, CancellationToken cancellationToken)
    {
        var layers = SeedJson.Read<List<ChainSeed>>(context.PathOf("chain.json"));
        var existing = await db.Set<ChainNode>().ToDictionaryAsync(n => n.Code, cancellationToken);
        var order = 0;

        ChainNode Upsert(ChainSeed seed, ChainLayer layer, ChainNodeLevel level, ChainNode? parent)
        {
            if (!existing.TryGetValue(seed.Code, out var node))
            {
                node = new ChainNode { Code = seed.Code };
                db.Add(node);
                existing[seed.Code] = node;
            }

            node.Name = seed.Name;
            node.NameEn = seed.NameEn;
            node.Layer = layer;
            node.Level = level;
            node.Parent = parent;
            node.Synonyms = seed.Synonyms ?? [];
            node.Description = seed.Editorial ? "编者归类（文件未直接命名该环节） / grouping by the editors, not named by the sources" : null;
            node.Source = cite(seed.Source);
            node.SortOrder = order++;
            return node;
        }

        foreach (var layerSeed in layers)
        {
            var layer = Enum.Parse<ChainLayer>(layerSeed.Layer ?? throw new InvalidDataException($"Layer '{layerSeed.Code}' has no layer name."));
            var layerNode = Upsert(layerSeed, layer, ChainNodeLevel.Layer, null);
            foreach (var segmentSeed in layerSeed.Segments ?? [])
            {
                var segment = Upsert(segmentSeed, layer, ChainNodeLevel.Segment, layerNode);
                foreach (var nodeSeed in segmentSeed.Nodes ?? [])
                {
                    Upsert(nodeSeed, layer, ChainNodeLevel.Node, segment);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private static async Task<Dictionary<string, Enterprise>> SeedEnterprisesAsync(
        InnoClusterDbContext db,
        SeedContext context,
        Dictionary<string, District> districts,
        Dictionary<string, ChainNode> nodes,
        PlaceNames places,
        Func<SeedQuote, Provenance> cite,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var seeds = SeedJson.Read<List<EnterpriseSeed>>(context.PathOf("enterprises.json"));
        var keys = seeds.Select(s => s.Key).ToList();
        var existing = await db.Set<Enterprise>()
            .Where(e => e.SeedKey != null && keys.Contains(e.SeedKey))
            .Include(e => e.Names).Include(e => e.ChainLinks).Include(e => e.Products).Include(e => e.Statements)
            .AsSplitQuery()
            .ToDictionaryAsync(e => e.SeedKey!, cancellationToken);

        foreach (var seed in seeds)
        {
            if (!existing.TryGetValue(seed.Key, out var enterprise))
            {
                enterprise = new Enterprise { SeedKey = seed.Key, CreatedAt = now };
                db.Add(enterprise);
                existing[seed.Key] = enterprise;
            }

            var where = $"enterprises.json, enterprise '{seed.Key}'";
            var subject = (seed.Names ?? []).Select(n => n.Name).Prepend(seed.Name).ToList();
            enterprise.Name = seed.Name;
            enterprise.City = seed.City;
            enterprise.UpdatedAt = now;
            if (seed.District is { } district)
            {
                var place = districts.TryGetValue(district.Code, out var d) ? d : throw new InvalidDataException($"{where}: unknown district '{district.Code}'.");
                SeedFacts.Require(district.Source.Quote, where, "district", places.Of(place, district.Source.Source));
                enterprise.District = place;
                enterprise.DistrictSource = cite(district.Source) with { Note = district.Note };
            }
            else if (enterprise.DistrictSource is { Kind: ProvenanceKind.Document or ProvenanceKind.Editorial })
            {
                // A district an earlier seed gave without a quote that states it: unknown now.
                enterprise.DistrictId = null;
                enterprise.District = null;
                enterprise.DistrictSource = null;
            }

            if (seed.Established is { } established)
            {
                SeedFacts.Require(established.Source.Quote, where, "established", [established.Year.ToString(CultureInfo.InvariantCulture)]);
                enterprise.EstablishedYear = established.Year;
                enterprise.EstablishedSource = cite(established.Source);
            }

            enterprise.Names.RemoveAll(IsSeedOwned);
            foreach (var name in seed.Names ?? [])
            {
                var source = name.Source ?? throw new InvalidDataException($"{where}, name “{name.Name}”: no quote uses this name (a name is kept only with its quote).");
                SeedFacts.Require(source.Quote, where, $"name “{name.Name}”", [name.Name]);
                enterprise.Names.Add(new EnterpriseName
                {
                    Name = name.Name,
                    MatchKey = NameKey.For(name.Name),
                    Kind = Enum.Parse<EnterpriseNameKind>(name.Kind, ignoreCase: true),
                    Source = cite(source) with { Note = name.Note },
                });
            }

            enterprise.Names.Add(new EnterpriseName { Name = seed.Name, MatchKey = NameKey.For(seed.Name), Kind = EnterpriseNameKind.Legal, Source = Provenance.Editorial("the name the seed record is filed under") });

            enterprise.ChainLinks.RemoveAll(l => IsSeedOwned(l.Source));
            foreach (var link in seed.Chain ?? [])
            {
                var node = nodes.TryGetValue(link.Node, out var n) ? n : throw new InvalidDataException($"{where}: unknown chain node '{link.Node}'.");
                SeedFacts.Require(link.Source.Quote, where, $"chain {link.Node}", [.. node.AllNames]);
                SeedFacts.Require(link.Source.Quote, where, $"chain {link.Node} (the enterprise)", subject);
                enterprise.ChainLinks.Add(new EnterpriseChainLink { ChainNode = node, Source = cite(link.Source) });
            }

            enterprise.Products.RemoveAll(p => IsSeedOwned(p.Source));
            foreach (var product in seed.Products ?? [])
            {
                SeedFacts.Require(product.Source.Quote, where, $"product “{product.Name}”", [product.Name]);
                if (product.Description is { } description)
                {
                    SeedFacts.Require(product.Source.Quote, where, $"product “{product.Name}”, description", [description]);
                }

                SeedFacts.Require(product.Source.Quote, where, $"product “{product.Name}” (the enterprise)", subject);
                enterprise.Products.Add(new Product { Name = product.Name, Description = product.Description, Source = cite(product.Source) });
            }

            enterprise.Statements.RemoveAll(s => IsSeedOwned(s.Source));
            foreach (var statement in seed.Statements ?? [])
            {
                SeedFacts.Require(statement.Source.Quote, where, $"statement “{statement.Topic}” (the enterprise)", subject);
                enterprise.Statements.Add(new EnterpriseStatement { Topic = statement.Topic, Source = cite(statement.Source) });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private static async Task SeedCarriersAsync(
        InnoClusterDbContext db,
        SeedContext context,
        Dictionary<string, District> districts,
        Dictionary<string, ChainNode> nodes,
        Dictionary<string, Enterprise> enterprises,
        PlaceNames places,
        Func<SeedQuote, Provenance> cite,
        CancellationToken cancellationToken)
    {
        var seeds = SeedJson.Read<List<CarrierSeed>>(context.PathOf("carriers.json"));
        var existing = await db.Set<Carrier>().Include(c => c.Statements).ToDictionaryAsync(c => c.SeedKey, cancellationToken);
        foreach (var seed in seeds)
        {
            if (!existing.TryGetValue(seed.Key, out var carrier))
            {
                carrier = new Carrier { SeedKey = seed.Key };
                db.Add(carrier);
                existing[seed.Key] = carrier;
            }

            var where = $"carriers.json, carrier '{seed.Key}'";
            var names = (seed.Aliases ?? []).Prepend(seed.Name).ToList();
            var quotes = (seed.Statements ?? []).Select(s => s.Source.Quote).ToList();
            var sourceKeys = (seed.Statements ?? []).Select(s => s.Source.Source).Distinct().ToList();
            foreach (var quote in quotes)
            {
                SeedFacts.Require(quote, where, "statement (the carrier)", names);
            }

            foreach (var alias in seed.Aliases ?? [])
            {
                SeedFacts.RequireAny(quotes, where, $"alias “{alias}”", [alias]);
            }

            carrier.Name = seed.Name;
            carrier.Kind = seed.Kind;
            carrier.City = seed.City;
            carrier.Aliases = seed.Aliases ?? [];
            carrier.District = seed.District is null ? null : districts.TryGetValue(seed.District, out var d) ? d : throw new InvalidDataException($"{where}: unknown district '{seed.District}'.");
            if (carrier.District is { } place)
            {
                SeedFacts.RequireAny(quotes, where, "district", [.. sourceKeys.SelectMany(key => places.Of(place, key)).Distinct()]);
            }

            carrier.HostEnterprise = seed.Host is null ? null : enterprises.TryGetValue(seed.Host, out var e) ? e : throw new InvalidDataException($"{where}: unknown host '{seed.Host}'.");
            if (carrier.HostEnterprise is { } host)
            {
                SeedFacts.RequireAny(quotes, where, "host", [.. host.AllNames]);
            }

            carrier.ChainNodeIds = (seed.Chain ?? []).Select(code =>
            {
                var node = nodes.TryGetValue(code, out var n) ? n : throw new InvalidDataException($"{where}: unknown chain node '{code}'.");
                SeedFacts.RequireAny(quotes, where, $"chain {code}", [.. node.AllNames]);
                return node.Id;
            }).ToList();
            carrier.Statements.RemoveAll(s => IsSeedOwned(s.Source));
            foreach (var statement in seed.Statements ?? [])
            {
                carrier.Statements.Add(new CarrierStatement { Topic = statement.Topic, Source = cite(statement.Source) });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool IsSeedOwned(EnterpriseName name) => IsSeedOwned(name.Source);

    private static bool IsSeedOwned(Provenance? provenance) =>
        provenance is null || provenance.Kind is ProvenanceKind.Document or ProvenanceKind.Editorial;

    /// <summary>
    /// The names a quote may use for a district: its name and aliases, but an alias two districts share
    /// (高新区: 苏州高新区 and 无锡高新区) only in a document about the district's own city (<see cref="DistrictNames"/>).
    /// </summary>
    private sealed class PlaceNames(IEnumerable<District> districts, SeedSources sources)
    {
        private readonly IReadOnlyList<DistrictInfo> _districts = [.. districts.Select(d => new DistrictInfo(d.Id, d.Code, d.Name, d.NameEn, d.Aliases, d.Specialities, d.Source, d.SortOrder, d.City))];

        public IReadOnlyCollection<string> Of(District district, string sourceKey) =>
            [.. DistrictNames.InCity(_districts, sources[sourceKey].City).Where(x => x.District.Code == district.Code).Select(x => x.Name)];
    }

    private sealed record DistrictSeed(string Code, string Name, string NameEn, string City, bool CoreZone, List<string>? Aliases, string? Specialities, SeedQuote? Source);

    private sealed record ChainSeed(string Code, string Name, string NameEn, string? Layer, List<string>? Synonyms, SeedQuote? Source, bool Editorial, List<ChainSeed>? Segments, List<ChainSeed>? Nodes);

    private sealed record EnterpriseSeed(
        string Key,
        string Name,
        string? City,
        List<NameSeed>? Names,
        DistrictRef? District,
        EstablishedSeed? Established,
        List<LinkSeed>? Chain,
        List<ProductSeed>? Products,
        List<StatementSeed>? Statements);

    private sealed record NameSeed(string Name, string Kind, string? Note, SeedQuote? Source);

    private sealed record DistrictRef(string Code, SeedQuote Source, string? Note);

    private sealed record EstablishedSeed(int Year, SeedQuote Source);

    private sealed record LinkSeed(string Node, SeedQuote Source);

    private sealed record ProductSeed(string Name, string? Description, SeedQuote Source);

    private sealed record StatementSeed(string? Topic, SeedQuote Source);

    private sealed record CarrierSeed(string Key, string Name, CarrierKind Kind, string? District, string? City, string? Host, List<string>? Aliases, List<string>? Chain, List<StatementSeed>? Statements);
}
