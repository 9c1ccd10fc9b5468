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

    /// <summary>How many projects stand at each stage today (null: no stage reached yet — the targets), and their planned investment (亿元, where stated).</summary>
    public sealed record StageTotal(ProjectStage? Stage, int Projects, decimal Investment);

    /// <param name="Targets">Only the targets (no stage recorded yet), or only the projects under way.</param>
    public sealed record Filter(ProjectStage? Stage = null, string? District = null, string? Node = null, bool? Targets = null, int Page = 1, int PageSize = DefaultPageSize);

    /// <summary>One page of projects, with how many match in all.</summary>
    public sealed record Result(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 500;

    public async Task<IReadOnlyList<Item>> RunAsync(Filter filter, CancellationToken cancellationToken, int? id = null) =>
        (await PageAsync(filter, cancellationToken, id)).Items;

    /// <summary>The page of projects the filter names, newest first; the stage is the one each stands at today.</summary>
    public async Task<Result> PageAsync(Filter filter, CancellationToken cancellationToken, int? id = null)
    {
        var today = BeijingTime.Today(clock);
        var nodes = await db.Set<ChainNode>().AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken);
        var query = Filtered(filter, nodes.Values).Where(p => id == null || p.Id == id);
        if (filter.Stage is { } stage)
        {
            query = query.Where(InvestmentProject.StandsAt(stage, today));
        }

        var total = await query.CountAsync(cancellationToken);
        var (page, size) = (Math.Max(1, filter.Page), Math.Clamp(filter.PageSize, 1, MaxPageSize));
        var projects = await query.Include(p => p.District).Include(p => p.Stages).OrderByDescending(p => p.Id)
            .Skip((page - 1) * size).Take(size).AsSplitQuery().ToListAsync(cancellationToken);
        var firmIds = projects.Select(p => p.InvestorEnterpriseId).OfType<int>().Distinct().ToList();
        var firms = await db.Set<Enterprise>().AsNoTracking().Where(e => firmIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return new Result([.. projects.Select(p => new Item(
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
            p.SeedKey is not null))], total, page, size);
    }

    /// <summary>The pipeline's totals by today's stage over every project of the filter's 板块 and node (its stage and page aside), counted in the database.</summary>
    public async Task<IReadOnlyList<StageTotal>> TotalsAsync(Filter filter, CancellationToken cancellationToken)
    {
        var today = BeijingTime.Today(clock);
        var nodes = await db.Set<ChainNode>().AsNoTracking().ToListAsync(cancellationToken);
        var totals = new List<StageTotal>();
        foreach (var stage in Enum.GetValues<ProjectStage>().Select(s => (ProjectStage?)s).Prepend(null))
        {
            var standing = Filtered(filter with { Targets = null }, nodes).Where(InvestmentProject.StandsAt(stage, today));
            var count = await standing.CountAsync(cancellationToken);
            if (count > 0)
            {
                totals.Add(new StageTotal(stage, count, await standing.SumAsync(p => p.Investment ?? 0, cancellationToken)));
            }
        }

        return totals;
    }

    private IQueryable<InvestmentProject> Filtered(Filter filter, IEnumerable<ChainNode> nodes)
    {
        var query = db.Set<InvestmentProject>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            query = query.Where(p => p.District != null && p.District.Code == filter.District);
        }

        if (!string.IsNullOrWhiteSpace(filter.Node))
        {
            var nodeIds = nodes.Where(n => n.Code == filter.Node).Select(n => n.Id).ToList();
            query = query.Where(p => p.ChainNodeId != null && nodeIds.Contains(p.ChainNodeId.Value));
        }

        if (filter.Targets is { } targets)
        {
            query = targets ? query.Where(p => !p.Stages.Any()) : query.Where(p => p.Stages.Any());
        }

        return query;
    }

    public static string StageName(ProjectStage stage, bool english) => stage switch
    {
        ProjectStage.Contact => english ? "in contact" : "接洽",
        ProjectStage.Contracted => english ? "signed" : "签约",
        ProjectStage.Started => english ? "construction started" : "开工",
        ProjectStage.Producing => english ? "in production" : "投产",
        _ => english ? "dropped" : "终止",
    };
}
