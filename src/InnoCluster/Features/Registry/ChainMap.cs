using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Registry;

public sealed class ChainMapOptions
{
    /// <summary>A node with this many enterprises or fewer is a weak link (强链补链的对象).</summary>
    public int WeakLinkThreshold { get; set; } = 2;

    public int LeadersPerNode { get; set; } = 3;
}

/// <summary>
/// The industry chain map: layers → segments → nodes, each with its enterprises counted (a firm counts
/// once per subtree), its leading firms, and whether it is a weak link (no or few firms).
/// </summary>
[FeatureContract]
public sealed class ChainMap(InnoClusterDbContext db, IOptions<ChainMapOptions> options, TimeProvider clock)
{
    public sealed record Node(
        int Id,
        string Code,
        string Name,
        string NameEn,
        string Layer,
        string Level,
        int DirectCount,
        int TotalCount,
        string Strength,
        IReadOnlyList<Leader> Leaders,
        IReadOnlyList<string> Synonyms,
        string? Description,
        Provenance? Source,
        IReadOnlyList<Node> Children);

    public sealed record Leader(int Id, string Name, IReadOnlyList<string> Tiers);

    public sealed record Result(IReadOnlyList<Node> Layers, int EnterpriseCount, int WeakLinkThreshold, string? District, IReadOnlyList<string> WeakLinks)
    {
        /// <summary>Every node of every layer, each before its children, in the map's order.</summary>
        public IEnumerable<Node> AllNodes => All(Layers);

        private static IEnumerable<Node> All(IEnumerable<Node> nodes) => nodes.SelectMany(n => All(n.Children).Prepend(n));
    }

    public async Task<Result?> RunAsync(string? districtCode, CancellationToken cancellationToken)
    {
        int? districtId = null;
        if (!string.IsNullOrWhiteSpace(districtCode))
        {
            districtId = await db.Set<District>().Where(d => d.Code == districtCode).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
            if (districtId is null)
            {
                return null;
            }
        }

        var nodes = await db.Set<ChainNode>().AsNoTracking().OrderBy(n => n.SortOrder).ToListAsync(cancellationToken);
        var links = db.Set<EnterpriseChainLink>().AsNoTracking();
        if (districtId is not null)
        {
            links = links.Where(l => db.Set<Enterprise>().Any(e => e.Id == l.EnterpriseId && e.DistrictId == districtId));
        }

        var pairs = await links.Select(l => new { l.ChainNodeId, l.EnterpriseId }).ToListAsync(cancellationToken);
        var enterprisesByNode = pairs.GroupBy(p => p.ChainNodeId).ToDictionary(g => g.Key, g => g.Select(p => p.EnterpriseId).ToHashSet());
        var involved = pairs.Select(p => p.EnterpriseId).Distinct().ToList();
        var standing = await LoadStandingAsync(involved, cancellationToken);

        var threshold = options.Value.WeakLinkThreshold;
        var children = nodes.ToLookup(n => n.ParentId);
        var weakLinks = new List<string>();

        (Node Node, HashSet<int> Enterprises) Build(ChainNode node)
        {
            var built = children[node.Id].Select(Build).ToList();
            var direct = enterprisesByNode.GetValueOrDefault(node.Id) ?? [];
            var all = new HashSet<int>(direct);
            foreach (var child in built)
            {
                all.UnionWith(child.Enterprises);
            }

            var strength = all.Count == 0 ? "none" : all.Count <= threshold ? "few" : "ok";
            if (node.Level == ChainNodeLevel.Node && strength != "ok")
            {
                weakLinks.Add(node.Code);
            }

            var leaders = all
                .Select(id => standing.GetValueOrDefault(id))
                .Where(s => s is not null)
                .OrderByDescending(s => s!.Score).ThenBy(s => s!.Name, StringComparer.Ordinal)
                .Take(options.Value.LeadersPerNode)
                .Select(s => new Leader(s!.Id, s.Name, s.Tiers))
                .ToList();
            return (new Node(
                node.Id, node.Code, node.Name, node.NameEn, node.Layer.ToString(), node.Level.ToString(),
                direct.Count, all.Count, strength, leaders, node.Synonyms, node.Description, node.Source,
                built.Select(b => b.Node).ToList()), all);
        }

        var layers = children[null].Select(Build).ToList();
        var total = layers.SelectMany(l => l.Enterprises).Distinct().Count();
        return new Result(layers.Select(l => l.Node).ToList(), total, threshold, districtCode, weakLinks);
    }

    private sealed record Standing(int Id, string Name, double Score, IReadOnlyList<string> Tiers);

    /// <summary>
    /// How prominent a firm is: its highest tier first (listed, unicorn, little giant …), then its
    /// latest revenue, then how many source sentences speak of it.
    /// </summary>
    private async Task<Dictionary<int, Standing>> LoadStandingAsync(List<int> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, Standing>();
        var held = EnterpriseRecord.HeldOn<EnterpriseTier>(BeijingTime.Today(clock), undatedCounts: true);
        foreach (var chunk in ids.Chunk(5000))
        {
            var rows = await db.Set<Enterprise>().AsNoTracking()
                .Where(e => chunk.Contains(e.Id))
                .Select(e => new
                {
                    e.Id,
                    e.Name,
                    Tiers = e.Tiers.AsQueryable().Where(held).Select(t => t.Tier).ToList(),
                    Revenue = e.Figures.OrderByDescending(f => f.Year).Select(f => f.Revenue).FirstOrDefault(),
                    Mentions = e.Statements.Count,
                })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var tierScore = row.Tiers.Count == 0 ? 0 : row.Tiers.Max(TierWeight);
                var revenueScore = row.Revenue is { } revenue && revenue > 0 ? Math.Log10((double)revenue) : 0;
                var score = (tierScore * 1000) + (revenueScore * 10) + row.Mentions;
                result[row.Id] = new Standing(row.Id, row.Name, score, row.Tiers.Distinct().OrderBy(t => t).Select(TierNames.Key).ToList());
            }
        }

        return result;
    }

    private static int TierWeight(Tier tier) => tier switch
    {
        Tier.Listed => 10,
        Tier.Unicorn => 9,
        Tier.ChainLeader => 8,
        Tier.LeadGoose => 7,
        Tier.LittleGiant => 6,
        Tier.UnicornCandidate => 5,
        Tier.LeadGooseCandidate => 4,
        Tier.Gazelle => 3,
        Tier.SpecialisedSme => 3,
        Tier.GazelleCandidate => 2,
        Tier.HighTech => 1,
        Tier.IpStrong => 1,
        _ => 0,
    };
}
