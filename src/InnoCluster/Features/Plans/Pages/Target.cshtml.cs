using InnoCluster.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCluster.Features.Plans.Pages;

/// <summary>One target: its sentence, indicator, trend and every value with the sentence it comes from.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class TargetModel(GetTarget target, SetTargetIndicator indicator, RecordTargetValue record, GetTargetDistricts districts, SetTargetShares shares, InnoCluster.Features.Registry.IRegistryDirectory registry) : PageModel
{
    /// <summary>The target by 板块: each one's part and, for a registry count, its count today.</summary>
    public GetTargetDistricts.View? Districts { get; private set; }

    public bool IsOfficial => User.IsInRole(Roles.Official);

    public Dictionary<string, string[]> Problems { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? CurrentSpec { get; private set; }

    /// <summary>The count the platform proposes while none is chosen; the form opens filled with it.</summary>
    public GetTarget.SuggestedIndicator? Suggested { get; private set; }

    /// <summary>The stored indicator as the form shows it; null when the target's values are reported.</summary>
    public ComputedIndicator? Current => ComputedIndicator.TryParse(CurrentSpec, out var spec) ? spec : null;

    /// <summary>The chain's nodes, for limiting a count to one of them.</summary>
    public IReadOnlyList<InnoCluster.Features.Registry.ChainNodeInfo> ChainNodes { get; private set; } = [];

    public ListPlans.Item Plan { get; private set; } = default!;

    public ListTargets.TargetDto Target { get; private set; } = default!;

    public GetTarget.TaskRef? Task { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>
    /// The registry's records the form offers to count (the level, for certifications and carriers, is picked beside), and
    /// first the stored or proposed count when it is none of them (carriers new since 2023, a revenue class of 20亿元), so
    /// saving the form keeps it.
    /// </summary>
    public IReadOnlyList<(string Spec, string Chinese, string English)> RecordChoices =>
        Current is { Kind: ComputedIndicator.Counted.Records } current && !StandardRecordChoices.Any(c => IsCurrentRecordChoice(c.Spec)) && OwnChoice(current) is { } own
            ? [own, .. StandardRecordChoices]
            : StandardRecordChoices;

    private static (string Spec, string Chinese, string English)? OwnChoice(ComputedIndicator current) => current switch
    {
        { Carriers: { } carriers } => Choice((carriers with { MinLevel = null }).Spec, (carriers with { MinLevel = null }).Describe()),
        { Projects: { } projects } => Choice(projects.Spec, projects.Describe()),
        { Figures: { } figures } => Choice(figures.Spec, figures.Describe()),
        { Records: { } records } when records.Kind != InnoCluster.Features.Registry.RecordKind.Certifications => Choice(records.Spec, records.Describe()),
        _ => null,
    };

    private static (string Spec, string Chinese, string English) Choice(string spec, (string Chinese, string English) described) => (spec, described.Chinese, described.English);

    private static readonly (string Spec, string Chinese, string English)[] StandardRecordChoices =
    [
        ("certifications:first-edition-software", "首版次软件产品", "First-edition software products"),
        ("certifications:fusion-innovation-product", "人工智能融合创新产品", "AI fusion innovation products"),
        ("filings:algorithm,large-model", "算法和大模型备案", "Algorithm and large-model filings"),
        ("filings:large-model", "大模型备案", "Large-model filings"),
        ("standards:lead", "牵头制定的标准", "Standards led"),
        ("standards:any", "牵头或参与制定的标准", "Standards led or joined"),
        ("carriers:key-laboratory,engineering-research-centre", "重点实验室及工程技术研究中心（已建成或认定）", "Key laboratories and engineering research centres (built or recognised)"),
        ("carriers:open-innovation-platform", "人工智能开放创新平台（已建成或认定）", "AI open innovation platforms (built or recognised)"),
        ("carriers:research-institute,innovation-centre,laboratory", "科研载体及创新应用中心（已建成或认定）", "Research carriers and innovation centres (built or recognised)"),
        ("carriers:compute-centre", "算力中心（已建成或认定）", "Compute centres (built or recognised)"),
        ("carriers:talent-base", "人才实训基地（已建成或认定）", "Talent training bases (built or recognised)"),
        ("carriers:identifier-resolution-node", "标识解析二级节点（已建成或认定）", "Identifier resolution secondary nodes (built or recognised)"),
        ("financing:any", "登记库企业的融资事件", "Financing events of registered firms"),
        ("financing:any/amount", "登记库企业融资金额合计（目标单位为元时）", "Financing amounts of registered firms, summed (for targets in yuan)"),
        ("projects:contracted", "已签约的招商项目（未终止）", "Attracted projects signed (not dropped)"),
        ("projects:contracted>=10", "已签约的计划投资10亿元及以上招商项目", "Attracted projects of 1,000 million yuan or more, signed"),
        ("projects:producing", "已投产的招商项目", "Attracted projects in production"),
        ("projects:contracted/investment", "已签约招商项目的计划投资额（目标单位为元时）", "Planned investment of signed attracted projects (for targets in yuan)"),
        ("figures:revenue", "登记库企业上一完整年度营业收入合计（目标单位为元时）", "Registered firms' revenue in the last full year, summed (for targets in yuan)"),
        ("figures:revenue>=50", "上一完整年度营业收入50亿元及以上的企业", "Firms with revenue of 5,000 million yuan or more in the last full year"),
        ("figures:revenue>=10", "上一完整年度营业收入10亿元及以上的企业", "Firms with revenue of 1,000 million yuan or more in the last full year"),
        ("compute:total", "算力中心总算力（P）", "Total computing capacity of compute centres (P)"),
        ("compute:intelligent", "算力中心智算规模（P）", "Intelligent computing capacity of compute centres (P)"),
        ("figures:patents-granted", "登记库企业上一完整年度授权专利合计", "Patents granted to registered firms in the last full year, summed"),
        ("figures:patents-valid", "登记库企业上一完整年度末有效专利合计", "Patents in force at registered firms at the end of the last full year, summed"),
    ];

    /// <summary>Whether a record choice is what the stored spec counts (the level, picked beside, set apart).</summary>
    public bool IsCurrentRecordChoice(string choice) => Current switch
    {
        { Carriers: { } carriers } => (carriers with { MinLevel = null }).Spec == choice,
        { Projects: { } projects } => projects.Spec == choice,
        { Figures: { } figures } => figures.Spec == choice,
        { Capacity: { } capacity } => capacity.Spec == choice,
        { Records: { } records } => (records.Kind == InnoCluster.Features.Registry.RecordKind.Certifications ? records with { MinLevel = null } : records).Spec == choice,
        _ => false,
    };

    public async Task<IActionResult> OnPostIndicatorAsync(int id, ComputedIndicator.Counted counted, List<InnoCluster.Features.Registry.Tier> tiers, string? node, InnoCluster.Features.Calls.CallProgramme? programme,
        InnoCluster.Features.Registry.TierLevel? minLevel, string? records, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        if (counted == ComputedIndicator.Counted.Tiers && tiers.Count == 0)
        {
            Problems = new() { ["tiers"] = [Ui.L("请至少选择一个企业梯队", "Pick at least one tier")] };
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        if (counted == ComputedIndicator.Counted.CallResults && programme is null)
        {
            Problems = new() { ["programme"] = [Ui.L("请选择征集的项目类别", "Pick the programme of the calls")] };
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        if (counted == ComputedIndicator.Counted.Records && !ComputedIndicator.TryParse(records, out _))
        {
            Problems = new() { ["records"] = [Ui.L("请选择计数的记录", "Pick the records to count")] };
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var result = await indicator.RunAsync(id, new SetTargetIndicator.Request(ComputedIndicator.Compose(counted, tiers, node, programme, minLevel, records)), cancellationToken);
        if (result.Problem?.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Problems = result.Problem is { } problem ? problem.ByField.ToDictionary(p => p.Key, p => p.Value.Select(InnoCluster.Infrastructure.UseCases.Bilingual.ForReader).ToArray()) : [];
        Notice = result.Succeeded ? Ui.L("指标已保存", "Indicator saved") : null;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>An official sets each 板块's part of the target, all at once.</summary>
    public async Task<IActionResult> OnPostSharesAsync(int id, List<string> district, List<string> share, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        var request = new SetTargetShares.Request([.. district.Select((d, i) => new SetTargetShares.Share(d, i < share.Count ? share[i] : null))]);
        var result = await shares.RunAsync(id, request, User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? "official", cancellationToken);
        if (result.Problem?.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Problems = result.Problem is { } problem ? problem.ByField.ToDictionary(p => p.Key, p => p.Value.Select(InnoCluster.Infrastructure.UseCases.Bilingual.ForReader).ToArray()) : [];
        Notice = result.Succeeded ? Ui.L("分解目标已保存", "The parts are saved") : null;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>An official records a reported value with the document and sentence it comes from.</summary>
    public async Task<IActionResult> OnPostObservationAsync(int id, string? value, DateOnly? observedOn, int? documentId, string? quote, string? note, CancellationToken cancellationToken)
    {
        if (!IsOfficial)
        {
            return Forbid();
        }

        var result = await record.RunAsync(id, new RecordTargetValue.Request(value, observedOn, documentId, string.IsNullOrWhiteSpace(quote) ? null : quote, note), User.Identity?.Name ?? "official", cancellationToken);
        if (result.Problem?.AsPageResult(this) is { } ended)
        {
            return ended;
        }

        Problems = result.Problem is { } problem ? problem.ByField.ToDictionary(p => p.Key, p => p.Value.Select(InnoCluster.Infrastructure.UseCases.Bilingual.ForReader).ToArray()) : [];
        Notice = result.Succeeded ? Ui.L("数值已记录", "Value recorded") : null;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await target.RunAsync(id, cancellationToken) is not { } view)
        {
            return false;
        }

        (Plan, Target, Task, Suggested) = (view.Plan, view.Target, view.Task, view.Suggested);
        CurrentSpec = view.ComputedIndicator ?? (IsOfficial ? view.Suggested?.Spec : null);
        ChainNodes = IsOfficial ? await registry.ChainNodesAsync(cancellationToken) : [];
        Districts = await districts.RunAsync(id, cancellationToken);
        return true;
    }
}
