using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Registry;

/// <summary>The registry list: filter by text, district, tier and chain node (with its sub-nodes), paged.</summary>
public sealed class ListEnterprises(InnoClusterDbContext db, ISearchDialect search, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>Counting stops here; larger result sets report "10,000+".</summary>
    public const int CountCap = 10_000;

    public sealed record Query(string? Q = null, string? District = null, string? Tier = null, string? Node = null, int Page = 1, int PageSize = 20);

    public sealed record Result(Page<EnterpriseListItem> Page, IReadOnlyList<string> Problems);

    public async Task<Result> RunAsync(Query query, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var filtered = await FilterAsync(query, problems, cancellationToken);
        if (filtered is null)
        {
            return new Result(new Page<EnterpriseListItem>([], 0, page, pageSize), problems);
        }

        var counted = await filtered.Ids.Take(CountCap + 1).CountAsync(cancellationToken);
        var exact = counted <= CountCap;
        var total = exact ? counted : CountCap;
        var ids = await Order(filtered.Ranked)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var items = await LoadItemsAsync(ids, cancellationToken);
        return new Result(new Page<EnterpriseListItem>(items, total, page, pageSize, exact), problems);
    }

    /// <summary>All ids matching the filters, in list order (for exports).</summary>
    public async Task<IReadOnlyList<int>> MatchingIdsAsync(Query query, int limit, CancellationToken cancellationToken)
    {
        var filtered = await FilterAsync(query, [], cancellationToken);
        if (filtered is null)
        {
            return [];
        }

        return await Order(filtered.Ranked)
            .Take(limit).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The matches, ranked for paging, and their ids alone for counting (no relevance computed).</summary>
    private sealed record Filtered(IQueryable<RankedEnterprise> Ranked, IQueryable<int> Ids);

    /// <summary>Most relevant first for a text query, else by name in pinyin order.</summary>
    private static IQueryable<RankedEnterprise> Order(IQueryable<RankedEnterprise> ranked) =>
        ranked.OrderByDescending(r => r.Rank).ThenBy(r => r.NameOrderKey).ThenBy(r => r.Id);

    private sealed class RankedEnterprise
    {
        public int Id { get; init; }

        public byte[] NameOrderKey { get; init; } = [];

        public double Rank { get; init; }
    }

    private async Task<Filtered?> FilterAsync(Query query, List<string> problems, CancellationToken cancellationToken)
    {
        var enterprises = db.Set<Enterprise>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.District))
        {
            var districtId = await db.Set<District>().Where(d => d.Code == query.District).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
            if (districtId is null)
            {
                problems.Add($"未知板块：{query.District} / unknown district: {query.District}");
                return null;
            }

            enterprises = enterprises.Where(e => e.DistrictId == districtId);
        }

        if (!string.IsNullOrWhiteSpace(query.Tier))
        {
            if (!TierNames.TryParseKey(query.Tier, out var tier))
            {
                problems.Add($"未知梯队：{query.Tier} / unknown tier: {query.Tier}");
                return null;
            }

            // An IN over the tier table is read once; a correlated EXISTS would probe it per enterprise.
            var tiered = db.Set<EnterpriseTier>().Where(t => t.Tier == tier).Where(EnterpriseRecord.HeldOn<EnterpriseTier>(BeijingTime.Today(clock), undatedCounts: true)).Select(t => t.EnterpriseId);
            enterprises = enterprises.Where(e => tiered.Contains(e.Id));
        }

        if (!string.IsNullOrWhiteSpace(query.Node))
        {
            var nodeIds = await ChainTaxonomy.SubtreeIdsAsync(db, query.Node, cancellationToken);
            if (nodeIds.Count == 0)
            {
                problems.Add($"未知产业链环节：{query.Node} / unknown chain node: {query.Node}");
                return null;
            }

            var linked = db.Set<EnterpriseChainLink>().Where(l => nodeIds.Contains(l.ChainNodeId)).Select(l => l.EnterpriseId);
            enterprises = enterprises.Where(e => linked.Contains(e.Id));
        }

        if (string.IsNullOrWhiteSpace(query.Q))
        {
            return new Filtered(enterprises.Select(e => new RankedEnterprise { Id = e.Id, NameOrderKey = e.NameOrderKey, Rank = 0 }), enterprises.Select(e => e.Id));
        }

        var text = query.Q.Trim();
        var code = CreditCode.Normalize(text);
        if (code.Length == 18 && code.All(char.IsAsciiLetterOrDigit))
        {
            var byCode = enterprises.Where(e => e.CreditCode == code);
            return new Filtered(byCode.Select(e => new RankedEnterprise { Id = e.Id, NameOrderKey = e.NameOrderKey, Rank = 1 }), byCode.Select(e => e.Id));
        }

        if (!text.Any(char.IsLetterOrDigit))
        {
            problems.Add("查询只含标点或符号，请输入名称、代码或关键词 / the query holds only punctuation or symbols: type a name, code or keyword");
            return null;
        }

        var terms = SearchAnalyzer.Default.QueryTerms(text);
        if (terms.Count == 0)
        {
            // A single character: no index term, so look at names directly (LIKE, the key's own % and _ escaped).
            var pattern = "%" + NameKey.For(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var byName = enterprises.Where(e => e.Names.Any(n => EF.Functions.Like(n.MatchKey, pattern, "\\")));
            return new Filtered(byName.Select(e => new RankedEnterprise { Id = e.Id, NameOrderKey = e.NameOrderKey, Rank = 0 }), byName.Select(e => e.Id));
        }

        var matches = search.Match(db, SearchIndex.Enterprises, terms);
        var matchIds = search.MatchIds(db, SearchIndex.Enterprises, terms);
        return new Filtered(
            enterprises.Join(matches, e => e.Id, m => m.Id, (e, m) => new RankedEnterprise { Id = e.Id, NameOrderKey = e.NameOrderKey, Rank = m.Rank }),
            enterprises.Where(e => matchIds.Contains(e.Id)).Select(e => e.Id));
    }

    private async Task<List<EnterpriseListItem>> LoadItemsAsync(List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Set<Enterprise>().AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Include(e => e.District)
            .Include(e => e.Tiers.Where(t => t.Status == RecordStatus.Confirmed))
            .Include(e => e.ChainLinks).ThenInclude(l => l.ChainNode)
            .AsSplitQuery()
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var today = BeijingTime.Today(clock);
        return ids.Where(rows.ContainsKey).Select(id => ToListItem(rows[id], today)).ToList();
    }

    /// <summary>A row of the list: the tiers the firm holds today (expired and ended ones are on its page).</summary>
    internal static EnterpriseListItem ToListItem(Enterprise e, DateOnly today) => new(
        e.Id,
        e.Name,
        e.CreditCode,
        e.CreditCode is not null,
        e.City,
        e.District is null ? null : new DistrictRef(e.District.Code, e.District.Name, e.District.NameEn),
        e.Tiers.OrderBy(t => t.Tier).Select(t => ToDto(t, today)).Where(t => t.Standing == RecordStanding.Held).ToList(),
        e.ChainLinks.Where(l => l.ChainNode is not null).Select(l => l.ChainNode!).DistinctBy(n => n.Id).OrderBy(n => n.SortOrder)
            .Select(n => new ChainNodeRef(n.Code, n.Name, n.NameEn, n.Layer.ToString())).ToList());

    internal static TierDto ToDto(EnterpriseTier t, DateOnly today) => new(
        TierNames.Key(t.Tier),
        TierNames.Chinese(t.Tier),
        TierNames.English(t.Tier),
        t.Level == TierLevel.Unspecified ? null : t.Level.ToString(),
        t.Year,
        t.GrantedOn,
        t.ExpiresOn,
        t.EndedOn,
        t.StandingOn(today),
        t.SecurityCode,
        t.Board,
        t.Source);
}
