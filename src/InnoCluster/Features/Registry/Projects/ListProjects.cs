using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>The investment-attraction pipeline: projects with where they stand today, filtered by stage, 板块 or chain node, newest first.</summary>
public sealed class ListProjects(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record Item(
        int Id,
        string Name,
        string? Investor,
        ListCarriers.EnterpriseLink? InvestorFirm,
        string? InvestorFrom,
        decimal? Investment,
        ChainNodeRef? ChainNode,
        DistrictRef? District,
        string? Place,
        string? ResponsibleUnit,
        string? Reason,
        ProjectStage? Stage,
        IReadOnlyList<StageView> Stages,
        bool FromSources);

    public sealed record StageView(ProjectStage Stage, DateOnly? Day, int Year, Provenance Source);

    /// <summary>How many projects stand at each stage today, and their planned investment (亿元, where stated).</summary>
    public sealed record StageTotal(ProjectStage? Stage, int Projects, decimal Investment);

    /// <param name="Targets">Only the targets (no stage recorded yet), or only the projects under way.</param>
    public sealed record Filter(ProjectStage? Stage = null, string? District = null, string? Node = null, bool? Targets = null);

    public async Task<IReadOnlyList<Item>> RunAsync(Filter filter, CancellationToken cancellationToken, int? id = null)
    {
        var query = db.Set<InvestmentProject>().AsNoTracking().Include(p => p.District).Include(p => p.Stages).Where(p => id == null || p.Id == id);
        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            query = query.Where(p => p.District != null && p.District.Code == filter.District);
        }

        var nodes = await db.Set<ChainNode>().AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Node))
        {
            var nodeIds = nodes.Values.Where(n => n.Code == filter.Node).Select(n => n.Id).ToList();
            query = query.Where(p => p.ChainNodeId != null && nodeIds.Contains(p.ChainNodeId.Value));
        }

        if (filter.Targets is { } targets)
        {
            query = targets ? query.Where(p => !p.Stages.Any()) : query.Where(p => p.Stages.Any());
        }

        var projects = await query.OrderByDescending(p => p.Id).AsSplitQuery().ToListAsync(cancellationToken);
        var firmIds = projects.Select(p => p.InvestorEnterpriseId).OfType<int>().Distinct().ToList();
        var firms = await db.Set<Enterprise>().AsNoTracking().Where(e => firmIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var today = BeijingTime.Today(clock);
        return [.. projects.Where(p => filter.Stage is null || p.StageOn(today) == filter.Stage).Select(p => new Item(
            p.Id,
            p.Name,
            p.Investor,
            p.InvestorEnterpriseId is { } firm && firms.TryGetValue(firm, out var firmName) ? new ListCarriers.EnterpriseLink(firm, firmName) : null,
            p.InvestorFrom,
            p.Investment,
            p.ChainNodeId is { } nodeId && nodes.TryGetValue(nodeId, out var n) ? new ChainNodeRef(n.Code, n.Name, n.NameEn, n.Layer.ToString()) : null,
            p.District is null ? null : new DistrictRef(p.District.Code, p.District.Name, p.District.NameEn),
            p.Place,
            p.ResponsibleUnit,
            p.Reason,
            p.StageOn(today),
            [.. p.Stages.OrderBy(s => s.Stage).Select(s => new StageView(s.Stage, s.Day, s.Year, s.Source))],
            p.SeedKey is not null))];
    }

    /// <summary>The pipeline's totals by today's stage (projects with no stage recorded under none).</summary>
    public static IReadOnlyList<StageTotal> Totals(IReadOnlyList<Item> items) =>
        [.. items.GroupBy(i => i.Stage).OrderBy(g => g.Key ?? 0).Select(g => new StageTotal(g.Key, g.Count(), g.Sum(i => i.Investment ?? 0)))];

    public static string StageName(ProjectStage stage, bool english) => stage switch
    {
        ProjectStage.Contact => english ? "in contact" : "接洽",
        ProjectStage.Contracted => english ? "signed" : "签约",
        ProjectStage.Started => english ? "construction started" : "开工",
        ProjectStage.Producing => english ? "in production" : "投产",
        _ => english ? "dropped" : "终止",
    };
}
