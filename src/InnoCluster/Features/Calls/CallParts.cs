using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls;

public enum CallKind
{
    /// <summary>征集: proposals or projects are collected.</summary>
    Solicitation,

    /// <summary>遴选: the office selects among applicants.</summary>
    Selection,

    /// <summary>评选: an award or title is judged.</summary>
    Award,

    /// <summary>认定: a designation is granted to those who meet a standard.</summary>
    Designation,

    /// <summary>揭榜挂帅: a posted challenge list that firms take on.</summary>
    Challenge,

    /// <summary>对上申报: the city recommends applicants to a national or provincial programme.</summary>
    UpwardRecommendation,
}

[InnoCluster.Infrastructure.FeatureContract]
public enum CallProgramme
{
    /// <summary>人工智能应用场景示范项目.</summary>
    DemonstrationProject,

    /// <summary>"头雁"企业.</summary>
    LeadingGoose,

    /// <summary>首版次软件.</summary>
    FirstEditionSoftware,

    /// <summary>融合创新产品和应用解决方案.</summary>
    FusionProduct,

    /// <summary>关键核心技术攻关项目.</summary>
    KeyTechnologyProject,

    /// <summary>揭榜挂帅 榜单.</summary>
    ChallengeList,

    /// <summary>人才计划 (顶尖人才 and others).</summary>
    Talent,

    /// <summary>Another national or provincial programme the city recommends to.</summary>
    UpwardProgramme,
}

/// <summary>
/// For a talent programme (顶尖人才 …): the person the firm puts forward, who is what the experts judge — name,
/// position or title, field of work, and the chain node that field belongs to (for the experts' field fit).
/// </summary>
public sealed class TalentCandidate
{
    public const int NameLength = 50;
    public const int PositionLength = 100;
    public const int FieldLength = 200;

    public string Name { get; set; } = "";

    public string Position { get; set; } = "";

    public string Field { get; set; } = "";

    public int? ChainNodeId { get; set; }

    /// <summary>
    /// The candidate as a firm writes it (the chain node by its code): only a talent programme's call takes one; each
    /// part at most its length; a chain node the registry does not know is refused. Blank parts are kept blank, for
    /// submission to ask for them.
    /// </summary>
    public static TalentCandidate? Read(CandidateInput input, Call call, IReadOnlyDictionary<string, int> chainNodeIds, List<FieldError> errors)
    {
        if (call.Programme != CallProgramme.Talent)
        {
            errors.Add(new("candidate", "只有人才计划的申报填写人才信息 / only a talent programme's application names a candidate"));
            return null;
        }

        var (name, position, field) = ((input.Name ?? "").Trim(), (input.Position ?? "").Trim(), (input.Field ?? "").Trim());
        foreach (var (key, value, length) in new[] { ("candidate.name", name, NameLength), ("candidate.position", position, PositionLength), ("candidate.field", field, FieldLength) })
        {
            if (value.Length > length)
            {
                errors.Add(new(key, $"不超过{length}字 / at most {length} characters"));
            }
        }

        int? node = null;
        if (!string.IsNullOrWhiteSpace(input.ChainNode))
        {
            if (chainNodeIds.TryGetValue(input.ChainNode.Trim(), out var id))
            {
                node = id;
            }
            else
            {
                errors.Add(new("candidate.chainNode", $"没有代码为“{input.ChainNode.Trim()}”的产业链环节 / no chain node with the code “{input.ChainNode.Trim()}”"));
            }
        }

        return new TalentCandidate { Name = name, Position = position, Field = field, ChainNodeId = node };
    }
}

/// <summary>The candidate of a talent programme's application as a firm writes it; the chain node by its code.</summary>
public sealed record CandidateInput(string? Name, string? Position, string? Field, string? ChainNode);

/// <summary>A field of a call's application form.</summary>
public sealed record FormField(string Key, string Label, bool Required, int MaxLength = 2000);

/// <summary>A file the application form asks for (营业执照, 申报书, 财务报表 …).</summary>
public sealed record RequiredAttachment(string Key, string Label, bool Required);

/// <summary>One criterion of the scoring rubric: its weight in the total (weights sum to 100) and the top of its scale.</summary>
public sealed record Criterion(string Key, string Label, decimal Weight, decimal Max);

/// <summary>How many a 板块 may recommend.</summary>
public sealed record DistrictQuota(int DistrictId, int Quota);

/// <summary>What a programme is called, in the reader's language, and its key in addresses and indicator specs.</summary>
[InnoCluster.Infrastructure.FeatureContract]
public static class CallWords
{
    public static string Key(CallProgramme programme) => programme switch
    {
        CallProgramme.DemonstrationProject => "demonstration-project",
        CallProgramme.LeadingGoose => "leading-goose",
        CallProgramme.FirstEditionSoftware => "first-edition-software",
        CallProgramme.FusionProduct => "fusion-product",
        CallProgramme.KeyTechnologyProject => "key-technology-project",
        CallProgramme.ChallengeList => "challenge-list",
        CallProgramme.Talent => "talent",
        _ => "upward-programme",
    };

    public static bool TryParseKey(string? key, out CallProgramme programme)
    {
        foreach (var candidate in Enum.GetValues<CallProgramme>())
        {
            if (Key(candidate) == key)
            {
                programme = candidate;
                return true;
            }
        }

        programme = default;
        return false;
    }

    public static string Kind(CallKind kind, bool english) => kind switch
    {
        CallKind.Solicitation => english ? "Call for proposals" : "征集",
        CallKind.Selection => english ? "Selection" : "遴选",
        CallKind.Award => english ? "Award" : "评选",
        CallKind.Designation => english ? "Designation" : "认定",
        CallKind.Challenge => english ? "Open challenge" : "揭榜挂帅",
        _ => english ? "Recommendation upward" : "对上申报",
    };

    public static string Programme(CallProgramme programme, bool english) => programme switch
    {
        CallProgramme.DemonstrationProject => english ? "AI application demonstration project" : "人工智能应用场景示范项目",
        CallProgramme.LeadingGoose => english ? "\"Leading goose\" enterprise" : "“头雁”企业",
        CallProgramme.FirstEditionSoftware => english ? "First-edition software" : "首版次软件",
        CallProgramme.FusionProduct => english ? "Integrated innovation product" : "融合创新产品和应用解决方案",
        CallProgramme.KeyTechnologyProject => english ? "Key technology project" : "关键核心技术攻关项目",
        CallProgramme.ChallengeList => english ? "Open challenge list" : "揭榜挂帅榜单",
        CallProgramme.Talent => english ? "Talent programme" : "人才计划",
        _ => english ? "National or provincial programme" : "国家、省级项目",
    };
}
