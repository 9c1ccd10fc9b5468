using System.Linq.Expressions;
using InnoCluster.Infrastructure;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Registry;

/// <summary>Where an investment-attraction (招商) project stands: 接洽, 签约, 开工, 投产, or 终止 (it fell through).</summary>
[FeatureContract]
public enum ProjectStage
{
    Contact = 1,
    Contracted = 2,
    Started = 3,
    Producing = 4,
    Dropped = 5,
}

/// <summary>
/// An investment-attraction project the office pursues: who invests, how much, on which chain node, in which
/// 板块 and under which responsible unit, and its stages with their days and sources. What the office or its
/// source does not state stays empty.
/// </summary>
public sealed class InvestmentProject
{
    public int Id { get; set; }

    /// <summary>The key of a project the source documents name (null: the office's own).</summary>
    public string? SeedKey { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The investor as the office writes it; linked when it is a registered firm.</summary>
    public string? Investor { get; set; }

    public int? InvestorEnterpriseId { get; set; }

    /// <summary>Where the investor comes from (a city, a country), for a project brought in from outside.</summary>
    public string? InvestorFrom { get; set; }

    /// <summary>The planned investment in 亿元, where stated.</summary>
    public decimal? Investment { get; set; }

    public int? ChainNodeId { get; set; }

    public int? DistrictId { get; set; }

    public District? District { get; set; }

    /// <summary>Where it lands when that is not one of the 板块 (another city's park, as a source says).</summary>
    public string? Place { get; set; }

    /// <summary>The unit that answers for the project (a 板块's 招商 bureau, a department).</summary>
    public string? ResponsibleUnit { get; set; }

    /// <summary>Why this investor is sought (招引理由): what it would bring to the chain node, as the office writes it.</summary>
    public string? Reason { get; set; }

    /// <summary>A project with no stage yet is a target (招商目标): a candidate the office means to approach.</summary>
    public bool IsTarget => Stages.Count == 0;

    public List<ProjectStageRecord> Stages { get; set; } = [];

    /// <summary>A stage by its API name (Contact, Contracted, Started, Producing, Dropped; any case), never by number.</summary>
    public static bool TryParseStage(string? key, out ProjectStage stage) =>
        Enum.TryParse(key, ignoreCase: true, out stage) && Enum.IsDefined(stage) && !int.TryParse(key, out _);

    private static readonly (string, string) Order = ("接洽 → 签约 → 开工 → 投产，或终止", "contact, signed, started, producing, or dropped");

    /// <summary>Records a stage with its day or year and source, by the timeline's rule (each once, in order in time, nothing after 终止, never in the future).</summary>
    public Problem? RecordStage(ProjectStage stage, DateOnly? on, int? year, Provenance source, string by, DateOnly today)
    {
        if (StageTimeline.Check([.. Stages.Select(s => s.Dated)], stage, on, year, ProjectStage.Dropped, today, Order) is { } problem)
        {
            return problem;
        }

        Stages.Add(new ProjectStageRecord { Stage = stage, Day = on, Year = year ?? on!.Value.Year, Source = source, EnteredBy = by });
        return null;
    }

    /// <summary>The furthest stage reached by <paramref name="day"/> (终止 once it fell through); null when none is known by then.</summary>
    public ProjectStage? StageOn(DateOnly day) =>
        Stages.Where(s => s.Dated.By(day)).Select(s => (ProjectStage?)s.Stage).Max();

    /// <summary>The stages at or beyond <paramref name="stage"/> on the way to production (终止 is not one).</summary>
    public static IReadOnlyList<ProjectStage> AtOrBeyond(ProjectStage stage) =>
        [.. Enum.GetValues<ProjectStage>().Where(s => s >= stage && s != ProjectStage.Dropped)];

    /// <summary>
    /// Whether a project stands at <paramref name="stage"/> on <paramref name="day"/>, as <see cref="StageOn"/> reads it
    /// one project at a time: 终止 once it fell through; otherwise the furthest stage reached by then; null: none reached yet.
    /// </summary>
    public static Expression<Func<InvestmentProject, bool>> StandsAt(ProjectStage? stage, DateOnly day)
    {
        if (stage is not { } at)
        {
            return p => !p.Stages.Any(s => s.Day != null ? s.Day <= day : s.Year <= day.Year);
        }

        if (at == ProjectStage.Dropped)
        {
            return p => p.Stages.Any(s => s.Stage == ProjectStage.Dropped && (s.Day != null ? s.Day <= day : s.Year <= day.Year));
        }

        var beyond = AtOrBeyond(at).Where(s => s != at).ToList();
        return p => p.Stages.Any(s => s.Stage == at && (s.Day != null ? s.Day <= day : s.Year <= day.Year))
            && !p.Stages.Any(s => (beyond.Contains(s.Stage) || s.Stage == ProjectStage.Dropped) && (s.Day != null ? s.Day <= day : s.Year <= day.Year));
    }

    /// <summary>Whether a project counts at <paramref name="stage"/> on <paramref name="day"/>: it reached that stage or a later one by then and had not fallen through by then.</summary>
    public static Expression<Func<InvestmentProject, bool>> ReachedOn(ProjectStage stage, DateOnly day)
    {
        var stages = AtOrBeyond(stage);
        return p => p.Stages.Any(s => stages.Contains(s.Stage) && (s.Day != null ? s.Day <= day : s.Year <= day.Year))
            && !p.Stages.Any(s => s.Stage == ProjectStage.Dropped && (s.Day != null ? s.Day <= day : s.Year <= day.Year));
    }
}

/// <summary>A project's stage, dated by a day or only a year, with the notice, contract or sentence it comes from.</summary>
public sealed class ProjectStageRecord
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public ProjectStage Stage { get; set; }

    public DateOnly? Day { get; set; }

    public int Year { get; set; }

    public Provenance Source { get; set; } = new();

    public string EnteredBy { get; set; } = "";

    public DatedStage<ProjectStage> Dated => new(Stage, Day, Year);
}
