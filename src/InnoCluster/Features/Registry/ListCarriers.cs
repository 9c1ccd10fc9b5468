using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCluster.Features.Registry;

/// <summary>Innovation carriers (labs, platforms, centres, parks, universities, funds) with their sources, level, stages and backers.</summary>
public sealed class ListCarriers(InnoClusterDbContext db, TimeProvider clock)
{
    public sealed record Item(
        int Id,
        string Name,
        string Kind,
        DistrictRef? District,
        string? City,
        EnterpriseLink? Host,
        IReadOnlyList<string> Aliases,
        IReadOnlyList<ChainNodeRef> ChainNodes,
        IReadOnlyList<Statement> Statements,
        string? Level,
        string? ApprovingBody,
        CarrierStageKind? Stage,
        IReadOnlyList<StageView> Stages,
        IReadOnlyList<BackerView> Backers,
        bool FromSources,
        FundView? Fund = null,
        IReadOnlyList<CapacityView>? Capacities = null);

    /// <summary>A fund's size in 亿元, manager and focus, as recorded.</summary>
    public sealed record FundView(decimal? Size, string? Manager, string? Focus);

    /// <summary>A compute centre's capacity reading: total and 智算, in P, on a day or in a year, with its source.</summary>
    public sealed record CapacityView(DateOnly? AsOf, int Year, decimal? TotalPeta, decimal? IntelligentPeta, Provenance Source);

    public sealed record StageView(CarrierStageKind Stage, DateOnly? Day, int Year, Provenance Source);

    public sealed record BackerView(int? EnterpriseId, string Name);

    public sealed record EnterpriseLink(int Id, string Name);

    public sealed record Statement(string? Topic, Provenance Source);

    public async Task<IReadOnlyList<Item>> RunAsync(string? kind, string? district, CancellationToken cancellationToken, int? id = null)
    {
        var query = db.Set<Carrier>().AsNoTracking().Include(c => c.District).Include(c => c.HostEnterprise).Include(c => c.Statements)
            .Include(c => c.Stages).Include(c => c.Backers).Include(c => c.Capacities).Where(c => id == null || c.Id == id);
        if (!string.IsNullOrWhiteSpace(kind) && Enum.TryParse<CarrierKind>(kind, ignoreCase: true, out var parsedKind))
        {
            query = query.Where(c => c.Kind == parsedKind);
        }

        if (!string.IsNullOrWhiteSpace(district))
        {
            query = query.Where(c => c.District != null && c.District.Code == district);
        }

        var carriers = await query.OrderBy(c => c.Kind).ThenBy(c => c.Id).AsSplitQuery().ToListAsync(cancellationToken);
        var nodes = await db.Set<ChainNode>().AsNoTracking().ToDictionaryAsync(n => n.Id, cancellationToken);
        var today = BeijingTime.Today(clock);
        return carriers.Select(c => new Item(
            c.Id,
            c.Name,
            c.Kind.ToString(),
            c.District is null ? null : new DistrictRef(c.District.Code, c.District.Name, c.District.NameEn),
            c.City,
            c.HostEnterprise is null ? null : new EnterpriseLink(c.HostEnterprise.Id, c.HostEnterprise.Name),
            c.Aliases,
            c.ChainNodeIds.Where(nodes.ContainsKey).Select(id => nodes[id]).Select(n => new ChainNodeRef(n.Code, n.Name, n.NameEn, n.Layer.ToString())).ToList(),
            c.Statements.Select(s => new Statement(s.Topic, s.Source)).ToList(),
            c.Level == TierLevel.Unspecified ? null : RecordWords.Key(c.Level),
            c.ApprovingBody,
            c.StageOn(today),
            c.Stages.OrderBy(s => s.Stage).Select(s => new StageView(s.Stage, s.Day, s.Year, s.Source)).ToList(),
            c.Backers.OrderBy(b => b.Id).Select(b => new BackerView(b.EnterpriseId, b.Name)).ToList(),
            c.FromSources,
            c.FundSize is null && c.FundManager is null && c.FundFocus is null ? null : new FundView(c.FundSize, c.FundManager, c.FundFocus),
            [.. c.Capacities.OrderByDescending(r => r.Year).ThenByDescending(r => r.AsOf).Select(r => new CapacityView(r.AsOf, r.Year, r.TotalPeta, r.IntelligentPeta, r.Source))])).ToList();
    }

    public static string StageName(CarrierStageKind stage, bool english) => stage switch
    {
        CarrierStageKind.Planning => english ? "being set up" : "筹建",
        CarrierStageKind.Built => english ? "built" : "建成",
        CarrierStageKind.Recognised => english ? "recognised" : "认定/授牌",
        _ => english ? "closed" : "撤销",
    };

    public static string KindName(string kind, bool english) => Enum.TryParse<CarrierKind>(kind, out var k) ? KindName(k, english) : kind;

    public static string KindName(CarrierKind kind, bool english) => (kind, english) switch
    {
        (CarrierKind.OpenInnovationPlatform, false) => "开放创新平台",
        (CarrierKind.InnovationCentre, false) => "创新中心",
        (CarrierKind.ResearchInstitute, false) => "研究院",
        (CarrierKind.KeyLaboratory, false) => "重点实验室",
        (CarrierKind.IndustrialBase, false) => "产业基地",
        (CarrierKind.PublicServicePlatform, false) => "公共服务平台",
        (CarrierKind.ComputeCentre, false) => "算力中心",
        (CarrierKind.University, false) => "高校院所",
        (CarrierKind.IndustrialPark, false) => "产业园区",
        (CarrierKind.TalentBase, false) => "人才基地",
        (CarrierKind.Fund, false) => "产业基金",
        (CarrierKind.Laboratory, false) => "实验室",
        (CarrierKind.ServiceOrganisation, false) => "行业组织",
        (CarrierKind.EngineeringResearchCentre, false) => "工程技术研究中心",
        (CarrierKind.IdentifierResolutionNode, false) => "标识解析二级节点",
        (CarrierKind.OpenInnovationPlatform, true) => "Open innovation platform",
        (CarrierKind.InnovationCentre, true) => "Innovation centre",
        (CarrierKind.ResearchInstitute, true) => "Research institute",
        (CarrierKind.KeyLaboratory, true) => "Key laboratory",
        (CarrierKind.IndustrialBase, true) => "Industrial base",
        (CarrierKind.PublicServicePlatform, true) => "Public service platform",
        (CarrierKind.ComputeCentre, true) => "Compute centre",
        (CarrierKind.University, true) => "University",
        (CarrierKind.IndustrialPark, true) => "Industrial park",
        (CarrierKind.TalentBase, true) => "Talent base",
        (CarrierKind.Fund, true) => "Industry fund",
        (CarrierKind.Laboratory, true) => "Laboratory",
        (CarrierKind.ServiceOrganisation, true) => "Association or committee",
        (CarrierKind.EngineeringResearchCentre, true) => "Engineering research centre",
        (CarrierKind.IdentifierResolutionNode, true) => "Identifier resolution secondary node",
        _ => kind.ToString(),
    };
}
