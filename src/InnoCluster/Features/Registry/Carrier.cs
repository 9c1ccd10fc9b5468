using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>Kinds of innovation carrier (创新载体) the documents name.</summary>
[FeatureContract]
public enum CarrierKind
{
    OpenInnovationPlatform = 1,
    InnovationCentre = 2,
    ResearchInstitute = 3,
    KeyLaboratory = 4,
    IndustrialBase = 5,
    PublicServicePlatform = 6,
    ComputeCentre = 7,
    University = 8,
    IndustrialPark = 9,
    TalentBase = 10,
    Fund = 11,

    /// <summary>A laboratory the sources do not call a key laboratory (苏州人工智能实验室).</summary>
    Laboratory = 12,

    /// <summary>An association, alliance or advisory committee (行业协会, 联盟, 战略咨询委员会).</summary>
    ServiceOrganisation = 13,

    /// <summary>工程技术研究中心 (004 target: 重点实验室及工程技术研究中心).</summary>
    EngineeringResearchCentre = 14,

    /// <summary>工业互联网标识解析二级节点 (004 target: 标识解析二级节点).</summary>
    IdentifierResolutionNode = 15,
}

/// <summary>Where a carrier stands: 筹建 (being set up), 建成 (built), 认定/授牌 (recognised by the approving body), 撤销 (closed).</summary>
[FeatureContract]
public enum CarrierStageKind
{
    Planning = 1,
    Built = 2,
    Recognised = 3,
    Closed = 4,
}

/// <summary>An innovation carrier: a lab, platform, centre, institute, park or fund.</summary>
public sealed class Carrier
{
    public int Id { get; set; }

    public string SeedKey { get; set; } = "";

    private const string OfficeKeyPrefix = "office-";

    /// <summary>Whether the carrier comes from the source documents (its seed key names it there) rather than from the office.</summary>
    public bool FromSources => !SeedKey.StartsWith(OfficeKeyPrefix, StringComparison.Ordinal);

    /// <summary>A carrier the office records, with a key of its own that no seed record uses.</summary>
    public static Carrier ByTheOffice() => new() { SeedKey = OfficeKeyPrefix + Guid.NewGuid().ToString("N") };

    public string Name { get; set; } = "";

    public CarrierKind Kind { get; set; }

    public int? DistrictId { get; set; }

    public District? District { get; set; }

    public string? City { get; set; }

    /// <summary>The enterprise that builds or runs it, where the sources say so.</summary>
    public int? HostEnterpriseId { get; set; }

    public Enterprise? HostEnterprise { get; set; }

    public List<string> Aliases { get; set; } = [];

    public List<int> ChainNodeIds { get; set; } = [];

    public List<CarrierStatement> Statements { get; set; } = [];

    /// <summary>国家, 省 or 市 level, where known.</summary>
    public TierLevel Level { get; set; }

    /// <summary>Who approved or recognised it (科技部, 省科技厅 …), where known.</summary>
    public string? ApprovingBody { get; set; }

    /// <summary>Its stages with their dates and sources, in the order they happened; none: not known.</summary>
    public List<CarrierStage> Stages { get; set; } = [];

    /// <summary>The firms and universities behind it (共建单位), beyond the host.</summary>
    public List<CarrierBacker> Backers { get; set; } = [];

    /// <summary>A compute centre's capacity readings over time.</summary>
    public List<CarrierCapacity> Capacities { get; set; } = [];

    /// <summary>A fund's size in 亿元 (基金规模), where stated.</summary>
    public decimal? FundSize { get; set; }

    /// <summary>A fund's manager (基金管理人), where stated.</summary>
    public string? FundManager { get; set; }

    /// <summary>What a fund invests in (投资方向), as stated.</summary>
    public string? FundFocus { get; set; }

    /// <summary>Whether a carrier counts on <paramref name="day"/>: built or recognised by then, and not closed by then.</summary>
    public static System.Linq.Expressions.Expression<Func<Carrier, bool>> StandingOn(DateOnly day) =>
        c => c.Stages.Any(s => (s.Stage == CarrierStageKind.Built || s.Stage == CarrierStageKind.Recognised) && (s.Day != null ? s.Day <= day : s.Year <= day.Year))
            && !c.Stages.Any(s => s.Stage == CarrierStageKind.Closed && (s.Day != null ? s.Day <= day : s.Year <= day.Year));

    /// <summary>Whether the carrier was first built or recognised in <paramref name="year"/> or later (新增 since a plan began), by the day or, when only the year is known, the year.</summary>
    public static System.Linq.Expressions.Expression<Func<Carrier, bool>> NewSince(int year)
    {
        var first = new DateOnly(year, 1, 1);
        return c => !c.Stages.Any(s => (s.Stage == CarrierStageKind.Built || s.Stage == CarrierStageKind.Recognised) && (s.Day != null ? s.Day < first : s.Year < year));
    }

    /// <summary>
    /// Records a stage with its day (or year) and source. Each stage once; stages keep their order in time
    /// (建成 not before 筹建, 认定 not before 建成); nothing after 撤销; never in the future.
    /// </summary>
    public InnoCluster.Infrastructure.UseCases.Problem? RecordStage(CarrierStageKind stage, DateOnly? on, int? year, Provenance source, string by, DateOnly today)
    {
        if (StageTimeline.Check([.. Stages.Select(s => s.Dated)], stage, on, year, CarrierStageKind.Closed, today, ("筹建 → 建成 → 认定/授牌 → 撤销", "planning, built, recognised, closed")) is { } problem)
        {
            return problem;
        }

        var when = new CarrierStage { Stage = stage, Day = on, Year = year ?? on!.Value.Year };
        when.Source = source;
        when.EnteredBy = by;
        Stages.Add(when);
        return null;
    }

    /// <summary>The furthest stage reached by <paramref name="day"/>; null when none is known by then.</summary>
    public CarrierStageKind? StageOn(DateOnly day) =>
        Stages.Where(s => s.Day is { } on ? on <= day : s.Year <= day.Year).Select(s => (CarrierStageKind?)s.Stage).Max();
}

/// <summary>A carrier's stage, dated by a day or only a year, with the sentence or notice it comes from.</summary>
public sealed class CarrierStage
{
    public int Id { get; set; }

    public int CarrierId { get; set; }

    public CarrierStageKind Stage { get; set; }

    /// <summary>The day, when the source gives one; else only <see cref="Year"/> is known.</summary>
    public DateOnly? Day { get; set; }

    public int Year { get; set; }

    public Provenance Source { get; set; } = new();

    public string EnteredBy { get; set; } = "";

    public DatedStage<CarrierStageKind> Dated => new(Stage, Day, Year);
}

/// <summary>A firm (linked when registered) or another body (a university, an institute) that builds a carrier with its host.</summary>
public sealed class CarrierBacker
{
    public int Id { get; set; }

    public int CarrierId { get; set; }

    public int? EnterpriseId { get; set; }

    public string Name { get; set; } = "";
}

public sealed class CarrierStatement
{
    public int Id { get; set; }

    public int CarrierId { get; set; }

    public string? Topic { get; set; }

    public Provenance Source { get; set; } = new();
}
