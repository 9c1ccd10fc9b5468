using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.Web;
using InnoCluster.Features.Calls;
using InnoCluster.Features.Registry;
using InnoCluster.Features.Scenarios;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCluster.Features.Plans;

/// <summary>
/// A reported value of a target's indicator: what a document or a responsible unit says it stood at on a
/// date, with the sentence it comes from. Never edited: a correction is a newer observation.
/// </summary>
public sealed class IndicatorObservation
{
    public int Id { get; set; }

    public int TargetId { get; set; }

    public DateOnly ObservedOn { get; set; }

    public decimal Value { get; set; }

    public Qualifier Qualifier { get; set; }

    public int? DocumentId { get; set; }

    /// <summary>The exact sentence(s) the value comes from.</summary>
    public string? Quote { get; set; }

    /// <summary>How the value was read from the quote (e.g. "上市企业32家 + 全球独角兽企业7家").</summary>
    public string? Note { get; set; }

    /// <summary>Where the quote stands in the document (its sentence's start, the quote's end), for the link to it.</summary>
    public int? QuoteStart { get; set; }

    public int? QuoteEnd { get; set; }

    /// <summary>The progress report the value was filed with, if it came from one.</summary>
    public int? ReportId { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class IndicatorObservationConfiguration : IEntityTypeConfiguration<IndicatorObservation>
{
    public void Configure(EntityTypeBuilder<IndicatorObservation> b)
    {
        b.ToTable("indicator_observations");
        b.HasIndex(o => new { o.TargetId, o.ObservedOn });
        b.Property(o => o.Qualifier).HasConversion<string>().HasMaxLength(12);
        b.Property(o => o.Quote).HasMaxLength(4000);
        b.Property(o => o.Note).HasMaxLength(1000);
        b.Property(o => o.RecordedBy).HasMaxLength(256);
        b.HasOne<PlanTarget>().WithMany().HasForeignKey(o => o.TargetId).OnDelete(DeleteBehavior.Cascade);
        b.References(CrossFeatureKeys.Document, nameof(IndicatorObservation.DocumentId), DeleteBehavior.SetNull);
        b.HasOne<TaskReport>().WithMany().HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>
/// Indicators computed live, named by a spec an official picks: <c>tiers:listed,unicorn</c> counts the
/// registry's enterprises holding any of those tiers, <c>tiers:listed,unicorn@foundation</c> only those on
/// that chain node or below it (<c>@*</c>: on any node of the AI chain); <c>scenarios:landed</c> the docked pairs that landed
/// (落地, demonstration included), <c>scenarios:demonstration</c> those made demonstration projects;
/// <c>calls:demonstration-project</c> what the calls of a programme produced (selections of published results;
/// for upward programmes, what the higher level approved); <c>tiers:lead-goose/municipal</c> only designations at that
/// level or higher; <c>certifications:first-edition-software/provincial</c>, <c>filings:algorithm,large-model</c> and
/// <c>standards:lead/national</c> the registry's other records (<see cref="RecordCount"/>); <c>carriers:key-laboratory/provincial</c>
/// the carriers built or recognised (<see cref="CarrierCount"/>); <c>projects:contracted&gt;=10</c> the investment projects (<see cref="ProjectCount"/>). Expired and ended records do
/// not count. Only the specs listed here exist; nothing runs free SQL.
/// </summary>
public sealed record ComputedIndicator(string Spec, Tier[] Tiers, DockingStage? AtLeastStage, string? Node = null, CallProgramme? Programme = null, TierLevel? MinLevel = null, RecordCount? Records = null, CarrierCount? Carriers = null, ProjectCount? Projects = null, FigureCount? Figures = null, CapacityCount? Capacity = null)
{
    /// <summary>The node of <c>tiers:…@*</c>: any node of the chain.</summary>
    public const string AnyNode = "*";

    private const string TiersPrefix = "tiers:";
    private const string ScenariosPrefix = "scenarios:";
    private const string CallsPrefix = "calls:";

    public static IReadOnlyList<string> Examples { get; } = ["tiers:listed,unicorn", "tiers:listed,unicorn@*", "tiers:lead-goose", "tiers:little-giant@foundation", "scenarios:landed", "scenarios:demonstration", "calls:demonstration-project", "calls:first-edition-software", "tiers:lead-goose/municipal", "certifications:first-edition-software/provincial", "certifications:fusion-innovation-product/provincial", "filings:algorithm,large-model", "standards:lead/national", "standards:any", "carriers:key-laboratory,engineering-research-centre/provincial", "carriers:open-innovation-platform/national", "projects:contracted", "projects:contracted>=10", "projects:producing/investment", "figures:revenue", "figures:revenue>=50", "compute:intelligent"];

    /// <summary>What an official picks on the form: what to count, and for firms which tiers and where on the chain.</summary>
    public enum Counted
    {
        Reported,
        Tiers,
        Landed,
        Demonstration,
        CallResults,
        Records,
    }

    /// <summary>The spec for the form's choices; null for reported values, or when firms are counted without a tier.</summary>
    public static string? Compose(Counted counted, IEnumerable<Tier> tiers, string? node, CallProgramme? programme = null, TierLevel? minLevel = null, string? records = null) => counted switch
    {
        Counted.Records when ProjectCount.TryParseSpec(records, out var projects) => projects.Spec,
        Counted.Records when FigureCount.TryParseSpec(records, out var figures) => figures.Spec,
        Counted.Records when CapacityCount.TryParseSpec(records, out var capacity) => capacity.Spec,
        Counted.Records when CarrierCount.TryParseSpec(records, out var carriers) =>
            (minLevel is { } carrierLevel && carrierLevel != TierLevel.Unspecified ? carriers with { MinLevel = carrierLevel } : carriers).Spec,
        Counted.Records when TryParse(records, out var parsed) && parsed.Records is { } count =>
            (count.Kind == RecordKind.Certifications && minLevel is { } level && level != TierLevel.Unspecified ? count with { MinLevel = RecordWords.Key(level) } : count).Spec,
        Counted.CallResults when programme is { } p => CallsPrefix + CallWords.Key(p),
        Counted.Landed => ScenariosPrefix + "landed",
        Counted.Demonstration => ScenariosPrefix + "demonstration",
        Counted.Tiers when tiers.Distinct().OrderBy(t => t).Select(TierNames.Key).ToList() is { Count: > 0 } keys =>
            TiersPrefix + string.Join(',', keys) + (minLevel is { } tierLevel && tierLevel != TierLevel.Unspecified ? "/" + RecordWords.Key(tierLevel) : "")
                + (string.IsNullOrWhiteSpace(node) ? "" : "@" + node.Trim()),
        _ => null,
    };

    /// <summary>Whether the count only grows, one event at a time (a result published, a pair reaching a stage), so a year's events are the difference of two counts; a standing count (firms holding a tier, carriers standing) is not.</summary>
    public bool CountsEvents => Programme is not null || AtLeastStage is not null;

    /// <summary>The units of the targets the indicator can measure: an investment, financing or revenue sum is in 元, a staff sum in 人, every other indicator counts (家/个).</summary>
    public IReadOnlyList<string> Units => Capacity is not null ? ["P"] : Figures is { } figures ? figures.Units : Projects is { SumsInvestment: true } || Records is { SumsAmount: true } ? ["元"] : ["家", "个"];

    /// <summary>What the form shows for a stored spec.</summary>
    public Counted Kind => Records is not null || Carriers is not null || Projects is not null || Figures is not null || Capacity is not null ? Counted.Records : Programme is not null ? Counted.CallResults : AtLeastStage switch
    {
        DockingStage.Demonstration => Counted.Demonstration,
        DockingStage.Landed => Counted.Landed,
        _ => Counted.Tiers,
    };

    public static bool TryParse(string? spec, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ComputedIndicator? indicator)
    {
        indicator = null;
        if (spec is null)
        {
            return false;
        }

        if (spec.StartsWith(CallsPrefix, StringComparison.Ordinal))
        {
            indicator = CallWords.TryParseKey(spec[CallsPrefix.Length..], out var programme) ? new ComputedIndicator(spec, [], null, null, programme) : null;
            return indicator is not null;
        }

        if (spec.StartsWith(ProjectCount.Prefix, StringComparison.Ordinal))
        {
            indicator = ProjectCount.TryParseSpec(spec, out var projects) ? new ComputedIndicator(spec, [], null, Projects: projects) : null;
            return indicator is not null;
        }

        if (spec.StartsWith(CapacityCount.Prefix, StringComparison.Ordinal))
        {
            indicator = CapacityCount.TryParseSpec(spec, out var capacity) ? new ComputedIndicator(spec, [], null, Capacity: capacity) : null;
            return indicator is not null;
        }

        if (spec.StartsWith(FigureCount.Prefix, StringComparison.Ordinal))
        {
            indicator = FigureCount.TryParseSpec(spec, out var figures) ? new ComputedIndicator(spec, [], null, Figures: figures) : null;
            return indicator is not null;
        }

        if (spec.StartsWith(CarrierCount.Prefix, StringComparison.Ordinal))
        {
            indicator = CarrierCount.TryParseSpec(spec, out var carriers) ? new ComputedIndicator(spec, [], null, Carriers: carriers) : null;
            return indicator is not null;
        }

        if (RecordCount.Names(spec))
        {
            indicator = RecordCount.TryParseSpec(spec, out var count) ? new ComputedIndicator(spec, [], null, Records: count) : null;
            return indicator is not null;
        }

        if (spec.StartsWith(ScenariosPrefix, StringComparison.Ordinal))
        {
            DockingStage? stage = spec[ScenariosPrefix.Length..] switch { "landed" => DockingStage.Landed, "demonstration" => DockingStage.Demonstration, _ => null };
            indicator = stage is null ? null : new ComputedIndicator(spec, [], stage);
            return indicator is not null;
        }

        if (!spec.StartsWith(TiersPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = spec[TiersPrefix.Length..];
        string? node = null;
        if (body.IndexOf('@', StringComparison.Ordinal) is var at and >= 0)
        {
            node = body[(at + 1)..].Trim();
            body = body[..at];
            if (node.Length == 0 || node.Length > 100 || node.Any(char.IsWhiteSpace))
            {
                return false;
            }
        }

        TierLevel? minLevel = null;
        if (body.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
        {
            if (!RecordWords.TryParse<TierLevel>(body[(slash + 1)..].Trim(), RecordWords.Key, out var level) || level == TierLevel.Unspecified)
            {
                return false;
            }

            (minLevel, body) = (level, body[..slash]);
        }

        var parsed = new List<Tier>();
        foreach (var key in body.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TierNames.TryParseKey(key, out var tier))
            {
                return false;
            }

            parsed.Add(tier);
        }

        indicator = parsed.Count > 0 ? new ComputedIndicator(spec, [.. parsed.Distinct()], null, node, MinLevel: minLevel) : null;
        return indicator is not null;
    }

    /// <summary>What is counted, in the reader's language, naming the chain node by its name; for a past date, also how the past is read.</summary>
    public string Describe(DateOnly? asOf = null, string? nodeName = null, string? nodeNameEnglish = null)
    {
        var tiers = (MinLevel is { } level ? TierNames.Chinese(level) + "及以上" : "") + string.Join("或", Tiers.Select(TierNames.Chinese));
        var tiersEnglish = string.Join(" or ", Tiers.Select(TierNames.English)) + (MinLevel is { } levelEn ? $" ({TierNames.English(levelEn)} level or higher)" : "");
        var what = Projects is { } projects ? Ui.L(projects.Describe().Chinese, projects.Describe().English)
            : Figures is { } figures ? Ui.L(figures.Describe().Chinese, figures.Describe().English)
            : Capacity is { } capacity ? Ui.L(capacity.Describe().Chinese, capacity.Describe().English)
            : Carriers is { } carriers ? Ui.L(carriers.Describe().Chinese, carriers.Describe().English)
            : Records is { } records ? Ui.L(records.Describe().Chinese, records.Describe().English)
            : Programme is { } programme
            ? Ui.L($"征集结果：{CallWords.Programme(programme, false)}（公布结果的入选数；对上申报为上级批准数）", $"Call results: {CallWords.Programme(programme, true)} (selected in published results; for upward rounds, approved by the higher level)")
            : AtLeastStage switch
        {
            DockingStage.Demonstration => Ui.L("场景对接中成为示范项目的数量", "Docked scenario pairs made demonstration projects"),
            DockingStage.Landed => Ui.L("场景对接中已落地（含示范）的数量", "Docked scenario pairs that landed (demonstrations included)"),
            _ => Node switch
            {
                null => Ui.L($"登记库中{tiers}的企业数", $"Registered enterprises that are {tiersEnglish}"),
                AnyNode => Ui.L($"登记库中位于产业链上的{tiers}的企业数", $"Registered enterprises on the AI chain that are {tiersEnglish}"),
                _ => Ui.L($"登记库中位于产业链环节“{nodeName ?? Node}”及其下级的{tiers}的企业数", $"Registered enterprises at the chain node “{nodeNameEnglish ?? nodeName ?? Node}” or below it that are {tiersEnglish}"),
            },
        };
        return asOf is not { } date ? what
            : Programme is not null ? what + Ui.L($"（截至{date:yyyy-MM-dd}，按结果公布日期）", $" (to {date:yyyy-MM-dd}, by the day each result was announced)")
            : Figures is not null ? what + Ui.L($"（截至{date:yyyy-MM-dd}：{FigureCount.YearCounted(date)}年度的数据）", $" (on {date:yyyy-MM-dd}: the figures for {FigureCount.YearCounted(date)})")
            : Projects is not null ? what + Ui.L($"（截至{date:yyyy-MM-dd}，按各阶段的记录日期，只有年份的按年份）", $" (on {date:yyyy-MM-dd}, by the date each stage was recorded, or its year when only the year is known)")
            : AtLeastStage is null ? what + Ui.L($"（截至{date:yyyy-MM-dd}，按认定日期，只有年份的按年份；未注明年份的、已到期或已终止的不计）", $" (on {date:yyyy-MM-dd}, by the date granted, or the year when only the year is known; undated, expired and ended records are not counted)")
            : what + Ui.L($"（截至{date:yyyy-MM-dd}，按该阶段的记录日期）", $" (to {date:yyyy-MM-dd}, by the date each stage was recorded)");
    }

    /// <summary>Where a person checks the figure: the registry filtered by tier, or the scenario dashboard.</summary>
    public string Link => Capacity is not null ? "/carriers?kind=ComputeCentre"
        : Figures is not null ? "/enterprises"
        : Projects is { } projects ? "/projects"
        : Carriers is { } carriers ? "/carriers" + (carriers.Kinds.Count == 1 ? "?kind=" + carriers.Kinds[0] : "")
        : Records is not null ? "/records?spec=" + Uri.EscapeDataString(Spec)
        : Programme is { } p ? "/calls?programme=" + p
        : AtLeastStage is not null ? "/scenarios"
        : "/enterprises" + (Tiers.Length == 1 ? "?tier=" + TierNames.Key(Tiers[0]) + (Node is null or AnyNode ? "" : "&node=" + Uri.EscapeDataString(Node))
            : Node is null or AnyNode ? "" : "?node=" + Uri.EscapeDataString(Node));
}

/// <summary>Counts a computed indicator from the features that hold the records: the registry's tiers, the scenarios' pipeline, the calls' results.</summary>
public sealed class IndicatorCounter(RegistryCounts registry, IRegistryDirectory directory, ScenarioFunnel scenarios, CallResults calls, TimeProvider clock)
{
    /// <summary>The chain nodes the count is limited to (the node and its sub-nodes; every node for <c>@*</c>); null when unlimited or the node is unknown.</summary>
    public async Task<IReadOnlyList<int>?> NodeIdsAsync(ComputedIndicator spec, CancellationToken cancellationToken) =>
        spec.Node switch
        {
            null => null,
            ComputedIndicator.AnyNode => [.. (await ChainNodesAsync(cancellationToken)).Select(n => n.Id)],
            _ => await directory.ChainSubtreeAsync(spec.Node, cancellationToken),
        };

    /// <summary>The chain node a count is limited to, for naming it; null when unlimited, any node, or unknown.</summary>
    public async Task<ChainNodeInfo?> NodeAsync(ComputedIndicator spec, CancellationToken cancellationToken) =>
        spec.Node is null or ComputedIndicator.AnyNode ? null : (await ChainNodesAsync(cancellationToken)).FirstOrDefault(n => n.Code == spec.Node);

    private IReadOnlyList<ChainNodeInfo>? _chainNodes;

    /// <summary>The chain's nodes, read once per request however many targets name one.</summary>
    private async Task<IReadOnlyList<ChainNodeInfo>> ChainNodesAsync(CancellationToken cancellationToken) =>
        _chainNodes ??= await directory.ChainNodesAsync(cancellationToken);

    /// <summary>The count now, or as it stood at the end of <paramref name="asOf"/>.</summary>
    public async Task<decimal> ValueAsync(ComputedIndicator spec, DateOnly? asOf, CancellationToken cancellationToken) =>
        spec.Programme is { } programme ? await calls.CountAsync(programme, asOf, cancellationToken)
        : spec.AtLeastStage is { } stage ? await scenarios.PairsReachedAsync(stage, asOf, cancellationToken)
        : await RegistryValueAsync(registry, spec, asOf, cancellationToken);

    /// <summary>Whether the count can be split by 板块: the registry's counts can (a firm's district, a carrier's or project's own); call results and scenario dockings cannot.</summary>
    public static bool SplitsByDistrict(ComputedIndicator spec) => spec.Programme is null && spec.AtLeastStage is null;

    /// <summary>The count today within one 板块; null when the count is not split by 板块.</summary>
    public async Task<decimal?> DistrictValueAsync(ComputedIndicator spec, int districtId, CancellationToken cancellationToken) =>
        SplitsByDistrict(spec) ? await RegistryValueAsync(registry.ForDistrict(districtId), spec, null, cancellationToken) : null;

    private async Task<decimal> RegistryValueAsync(RegistryCounts registry, ComputedIndicator spec, DateOnly? asOf, CancellationToken cancellationToken) =>
        BeijingTime.Today(clock) is var today && spec.Projects is { } projects ? await registry.ProjectsAsync(projects, asOf ?? today, cancellationToken)
            : spec.Figures is { } figures ? await registry.FiguresAsync(figures, asOf ?? today, cancellationToken)
            : spec.Capacity is { } capacity ? await registry.CapacityAsync(capacity, asOf ?? today, cancellationToken)
            : spec.Carriers is { } carriers ? await registry.CarriersAsync(carriers, asOf ?? today, cancellationToken)
            : spec.Records is { } records ? await registry.RecordsAsync(records, asOf ?? today, asOf is null, cancellationToken)
            : await registry.TierHoldersAsync(spec.Tiers, await NodeIdsAsync(spec, cancellationToken), spec.MinLevel, asOf ?? today, asOf is null, cancellationToken);
}

public enum TargetStatus
{
    NoData,
    Met,
    OnTrack,
    AtRisk,
    Behind,
}

/// <summary>
/// The status rule, stated once: a target is met when the latest value satisfies it (a "左右" target at 95 %);
/// otherwise progress (latest ÷ target) is compared with the share of the plan's time gone by the latest
/// value's date — at least that share: on track; at least 80 % of it: at risk; less, or past the deadline:
/// behind. Annual targets compare the latest year's value with the yearly figure.
/// </summary>
public static class TargetStatusRule
{
    public static TargetStatus Evaluate(decimal target, decimal? upper, Qualifier qualifier, TargetPeriod period, int? startYear, int? deadline, decimal? latest, DateOnly? latestOn, DateOnly today)
    {
        if (latest is not { } value || latestOn is not { } on)
        {
            return TargetStatus.NoData;
        }

        var met = qualifier switch
        {
            Qualifier.MoreThan => value > target,
            Qualifier.About or Qualifier.Nearly => value >= target * 0.95m,
            Qualifier.LessThan => value < target,
            Qualifier.AtMost => value <= target,
            _ => value >= target,
        };
        if (met)
        {
            return TargetStatus.Met;
        }

        if (qualifier is Qualifier.LessThan or Qualifier.AtMost)
        {
            // A ceiling not yet got under: judged only at the deadline.
            return deadline is { } end && today.Year > end ? TargetStatus.Behind : TargetStatus.AtRisk;
        }

        if (deadline is { } last && today.Year > last)
        {
            return TargetStatus.Behind;
        }

        if (period == TargetPeriod.Annual || startYear is not { } first || deadline is not { } due || due < first || target <= 0)
        {
            return value >= target * 0.8m ? TargetStatus.AtRisk : TargetStatus.Behind;
        }

        var elapsed = Elapsed(first, due, on)!.Value;
        var progress = value / target;
        return progress >= elapsed ? TargetStatus.OnTrack : progress >= elapsed * 0.8m ? TargetStatus.AtRisk : TargetStatus.Behind;
    }

    /// <summary>Share of the plan's years gone by a date (a plan 2023-2025 runs three years: the end of 2024 is 2/3).</summary>
    public static decimal? Elapsed(int? startYear, int? deadline, DateOnly on) =>
        startYear is { } first && deadline is { } due && due >= first
            ? Math.Clamp((on.Year - first + (on.DayOfYear / 366m)) / (due - first + 1), 0m, 1m)
            : null;

    public static string Chinese(TargetStatus status) => status switch
    {
        TargetStatus.Met => "已完成",
        TargetStatus.OnTrack => "进度正常",
        TargetStatus.AtRisk => "存在风险",
        TargetStatus.Behind => "滞后",
        _ => "暂无数据",
    };
}
