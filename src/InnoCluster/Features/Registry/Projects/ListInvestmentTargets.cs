namespace InnoCluster.Features.Registry;

/// <summary>
/// The target lists (招商目标) by chain node: every weak link of the chain map (no or few registered firms — what
/// 强链补链 and 精准招商 aim at) with the candidate investors the office means to approach there and why, then any
/// other node that has targets, then targets not placed on a node. A weak link without a target is listed too: it
/// is the gap still open.
/// </summary>
public sealed class ListInvestmentTargets(ChainMap chainMap, ListProjects projects)
{
    /// <param name="Code">Null for the targets not placed on a chain node.</param>
    public sealed record NodeTargets(string? Code, string? Name, string? NameEn, int Firms, bool Weak, IReadOnlyList<ListProjects.Item> Targets);

    public async Task<IReadOnlyList<NodeTargets>> RunAsync(CancellationToken cancellationToken)
    {
        var map = (await chainMap.RunAsync(null, cancellationToken))!;
        var targets = await projects.RunAsync(new(Targets: true, PageSize: ListProjects.MaxPageSize), cancellationToken);
        var byNode = targets.Where(t => t.ChainNode is not null).ToLookup(t => t.ChainNode!.Code, StringComparer.Ordinal);
        var nodes = map.AllNodes.ToList();
        var weak = map.WeakLinks.ToHashSet(StringComparer.Ordinal);
        var rows = nodes.Where(n => weak.Contains(n.Code)).Concat(nodes.Where(n => !weak.Contains(n.Code) && byNode.Contains(n.Code)))
            .Select(n => new NodeTargets(n.Code, n.Name, n.NameEn, n.TotalCount, weak.Contains(n.Code), [.. byNode[n.Code]]))
            .ToList();
        if (targets.Where(t => t.ChainNode is null).ToList() is { Count: > 0 } unplaced)
        {
            rows.Add(new NodeTargets(null, null, null, 0, false, unplaced));
        }

        return rows;
    }
}
