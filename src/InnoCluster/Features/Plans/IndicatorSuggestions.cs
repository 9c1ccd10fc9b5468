namespace InnoCluster.Features.Plans;

/// <summary>
/// The platform's proposal of the live count that could measure a target, read from the target's name: 头雁 → the
/// 头雁 tier, 揭榜挂帅 → the challenge lists' results, 省级首版次软件 → provincial first-edition certifications,
/// 示范项目 → the demonstration calls' results, 实训基地 → talent-base carriers, and so on. A proposal only: it is
/// never applied by itself (a count of an empty registry would read as the cluster falling behind); an official
/// adopts it on the target's page, where the form opens filled with it, or through the API. A target that counts
/// something new since the plan began (新增) gets carriers first built or recognised since the plan's first year, and
/// nothing else; figures in 元 other than 核心产业规模 (the firms' revenue summed) get none; revenue classes (超十亿级企业)
/// count the firms of that revenue in the last full year; a yearly target only a count of events (results, stages), which it counts per year.
/// </summary>
public static class IndicatorSuggestions
{
    /// <summary>Rules in order; the first whose words all stand in the name wins. A level word in the name raises the level counted.</summary>
    private static readonly (string[] AllOf, string Spec, bool Leveled)[] Rules =
    [
        (["上市企业", "独角兽"], "tiers:listed,unicorn", false),
        (["头雁"], "tiers:lead-goose", false),
        (["揭榜挂帅"], "calls:challenge-list", false),
        (["首版次软件"], "certifications:first-edition-software", true),
        (["融合创新产品"], "certifications:fusion-innovation-product", true),
        (["攻关项目"], "calls:key-technology-project", false),
        (["示范项目"], "calls:demonstration-project", false),
        (["实训基地"], "carriers:talent-base", false),
        (["重点实验室", "工程技术研究中心"], "carriers:key-laboratory,engineering-research-centre", true),
        (["开放创新平台"], "carriers:open-innovation-platform", true),
        (["科研载体", "创新应用中心"], "carriers:research-institute,innovation-centre,laboratory", false),
        (["标识解析二级节点"], "carriers:identifier-resolution-node", false),
    ];

    /// <summary>The revenue classes plans name (超五十亿级企业: firms of 50亿元 revenue a year or more), with the 亿元 each stands for.</summary>
    private static readonly (string Words, int Yi)[] RevenueClasses = [("超百亿级", 100), ("超五十亿级", 50), ("超十亿级", 10)];

    /// <summary>The clause of <paramref name="sentence"/> that holds the figure as written (between the marks that part a list of targets), or null.</summary>
    public static string? Clause(string sentence, string figure) =>
        figure.Length == 0 ? null : sentence.Split(['，', ',', '；', ';', '。']).FirstOrDefault(part => part.Contains(figure, StringComparison.Ordinal));

    /// <summary>The proposed spec, or null when no count fits the target.</summary>
    /// <param name="clause">The part of the plan's sentence that states the target ("新增建成5家科研载体及创新应用中心"), where 新增 may stand before the figure rather than in the name.</param>
    public static string? For(string name, string unit, TargetPeriod period, int? planStartYear = null, string? clause = null)
    {
        if (unit == "元")
        {
            // 核心产业规模 is the revenue of the industry's own firms; 带动相关产业规模 (the related industries it drives) is not a registry sum.
            return period != TargetPeriod.Annual && name.Contains("核心产业规模", StringComparison.Ordinal) ? "figures:revenue" : null;
        }

        if (unit == "P")
        {
            // 智能算力 / 智算 is the intelligent computing capacity; any other computing power the total.
            return period == TargetPeriod.Annual ? null : name.Contains("智算", StringComparison.Ordinal) || name.Contains("智能算力", StringComparison.Ordinal) ? "compute:intelligent" : "compute:total";
        }

        // 新增: what is new since the plan began, which only carriers tell (the year each was first built or recognised).
        var newSince = name.Contains("新增", StringComparison.Ordinal) || clause?.Contains("新增", StringComparison.Ordinal) == true;
        if (unit is not ("家" or "个") || (newSince && planStartYear is null))
        {
            return null;
        }

        if (!newSince && RevenueClasses.FirstOrDefault(c => name.Contains(c.Words, StringComparison.Ordinal)) is { Words: not null } revenueClass)
        {
            return $"figures:revenue>={revenueClass.Yi}";
        }

        foreach (var (allOf, spec, leveled) in Rules)
        {
            if (allOf.All(word => name.Contains(word, StringComparison.Ordinal)))
            {
                // "国家(省)重点实验室" counts provincial ones and up; "国家人工智能开放创新平台" national ones only.
                var level = !leveled ? null : name.Contains('省', StringComparison.Ordinal) ? "provincial" : name.Contains("国家", StringComparison.Ordinal) ? "national" : null;
                var suggested = (level is null ? spec : $"{spec}/{level}") + (newSince ? "+" + planStartYear!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
                if (newSince && !spec.StartsWith(InnoCluster.Features.Registry.CarrierCount.Prefix, StringComparison.Ordinal))
                {
                    return null;
                }

                return ComputedIndicator.TryParse(suggested, out var parsed) && (period != TargetPeriod.Annual || parsed.CountsEvents) ? suggested : null;
            }
        }

        return null;
    }
}
