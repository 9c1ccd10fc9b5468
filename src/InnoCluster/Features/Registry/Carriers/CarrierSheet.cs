namespace InnoCluster.Features.Registry;

/// <summary>
/// The carriers spreadsheet as an office keeps it: its columns (Chinese headers, each with a guide), the template,
/// and how a row's cells read — kinds, levels, stages and 板块 written as offices write them (重点实验室, 省级,
/// 认定, 昆山) or as the API's keys.
/// </summary>
public static class CarrierSheet
{
    public const string SheetName = "载体";
    public const string Name = "名称";
    public const string Kind = "类别";
    public const string Level = "级别";
    public const string District = "板块";
    public const string ApprovingBody = "批准单位";
    public const string Backers = "依托单位";
    public const string Stage = "阶段";
    public const string StageDate = "阶段日期";
    public const string StageYear = "阶段年份";
    public const string FundSize = "基金规模（亿元）";
    public const string FundManager = "基金管理人";
    public const string FundFocus = "投资方向";
    public const string TotalPeta = "总算力（P）";
    public const string IntelligentPeta = "智算规模（P）";
    public const string CapacityDate = "算力数据日期";
    public const string CapacityYear = "算力数据年份";
    public const string Source = "来源";
    public const string Quote = "原文";

    public static IReadOnlyList<RecordSheet.Column> Columns { get; } =
    [
        new(Name, "name", "必填。载体全称。", "Required. The carrier's full name."),
        new(Kind, "kind", "必填。如 重点实验室、工程技术研究中心、开放创新平台、创新中心、研究院、算力中心、人才实训基地、产业园区、产业基金、行业组织、标识解析二级节点。", "Required. e.g. 重点实验室, 工程技术研究中心, 开放创新平台, 创新中心, 研究院, 算力中心, 人才实训基地, 产业园区, 产业基金, 行业组织, 标识解析二级节点."),
        new(Level, "level", "国家级、省级、市级或区级。", "National, provincial, municipal or district (国家级, 省级, 市级, 区级)."),
        new(District, "district", "所在板块的名称或代码，如 苏州工业园区、昆山。", "The 板块 by name or code, e.g. 苏州工业园区, 昆山."),
        new(ApprovingBody, "approvingBody", "批准或授牌的机关。", "The body that approved or recognised it."),
        new(Backers, "backers", "依托或共建的企业、高校，多个用“、”分隔；登记库中的企业按名称对应。", "The firms and universities behind it, separated by 、; registered firms are matched by name."),
        new(Stage, "stage", "筹建、建成、认定（授牌）或撤销；填写时须有日期或年份。", "筹建 (being set up), 建成 (built), 认定/授牌 (recognised) or 撤销 (closed); with a date or year."),
        new(StageDate, "on", "如 2024-06-30。", "e.g. 2024-06-30."),
        new(StageYear, "year", "只知年份时填写。", "When only the year is known."),
        new(FundSize, "fundSize", "产业基金填写：规模，以亿元计，如 50。", "For a fund: its size in 亿元 (100 million yuan), e.g. 50."),
        new(FundManager, "fundManager", "产业基金填写：基金管理人。", "For a fund: its manager."),
        new(FundFocus, "fundFocus", "产业基金填写：投资方向。", "For a fund: what it invests in."),
        new(TotalPeta, "totalPeta", "算力中心填写：总算力，以P（PFLOPS）计，如 300。已在登记库中的算力中心，本行只记录这一读数。", "For a compute centre: its total capacity in P (PFLOPS), e.g. 300. For a centre already in the registry, the row records only this reading."),
        new(IntelligentPeta, "intelligentPeta", "算力中心填写：智算规模，以P计，不大于总算力。", "For a compute centre: its intelligent computing capacity in P, not above the total."),
        new(CapacityDate, "asOf", "算力数据所指的日期，如 2024-12-31。", "The day the capacity figures describe, e.g. 2024-12-31."),
        new(CapacityYear, "capacityYear", "只知算力数据的年份时填写。", "When only the year of the capacity figures is known."),
        new(Source, "source", "必填。批复、名单或通知。", "Required. The approval, list or notice."),
        new(Quote, "quote", "来源中的原句或名单行。", "The line of the source, as written."),
    ];

    /// <summary>An amount in 亿元 as offices write it ("50", "50亿元", "1,200"); false when it is not a number.</summary>
    public static bool TryReadYi(string cell, out decimal? amount) => TryReadNumber(cell, ["亿元", "亿"], out amount);

    /// <summary>A capacity in P as offices write it ("300", "300P", "1,200 PFLOPS"); false when it is not a number.</summary>
    public static bool TryReadPeta(string cell, out decimal? amount) => TryReadNumber(cell.ToUpperInvariant(), ["PFLOPS", "P"], out amount);

    /// <summary>A number with thousands separators and, after it, one of <paramref name="units"/> (the longest first); nothing else.</summary>
    private static bool TryReadNumber(string cell, string[] units, out decimal? amount)
    {
        var digits = cell.Replace(",", "", StringComparison.Ordinal);
        foreach (var unit in units)
        {
            digits = digits.Replace(unit, "", StringComparison.Ordinal);
        }

        amount = decimal.TryParse(digits.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
        return amount is not null;
    }

    public static Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken) =>
        RecordSheet.WriteTemplateAsync(SheetName, Columns, output, cancellationToken);

    private static readonly Dictionary<string, CarrierKind> KindWords = new(StringComparer.Ordinal)
    {
        ["实训基地"] = CarrierKind.TalentBase, ["人才实训基地"] = CarrierKind.TalentBase, ["公共实训基地"] = CarrierKind.TalentBase,
        ["创新应用中心"] = CarrierKind.InnovationCentre, ["高校"] = CarrierKind.University, ["基金"] = CarrierKind.Fund,
        ["协会"] = CarrierKind.ServiceOrganisation, ["联盟"] = CarrierKind.ServiceOrganisation, ["智算中心"] = CarrierKind.ComputeCentre, ["超算中心"] = CarrierKind.ComputeCentre,
        ["标识解析节点"] = CarrierKind.IdentifierResolutionNode, ["工业互联网标识解析二级节点"] = CarrierKind.IdentifierResolutionNode, ["二级节点"] = CarrierKind.IdentifierResolutionNode,
    };

    /// <summary>The kind's key the API takes, from the key itself or the words offices write; the cell as written when it reads as neither (the check then names it).</summary>
    public static string? KindKey(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return null;
        }

        var folded = RecordSheet.Fold(cell);
        return KindWords.TryGetValue(folded, out var word) ? word.ToString()
            : Enum.GetValues<CarrierKind>().FirstOrDefault(k => ListCarriers.KindName(k, english: false) == folded || string.Equals(k.ToString(), folded, StringComparison.OrdinalIgnoreCase)) is var kind && kind != default ? kind.ToString()
            : cell.Trim();
    }

    public static string? LevelKey(string? cell) => RecordSheet.Keyed(cell);

    public static bool TryStage(string? cell, out CarrierStageKind stage)
    {
        stage = default;
        return !string.IsNullOrWhiteSpace(cell) && (RecordSheet.Fold(cell) switch
        {
            "筹建" => Set(CarrierStageKind.Planning, out stage),
            "建成" => Set(CarrierStageKind.Built, out stage),
            "认定" or "授牌" or "认定/授牌" or "获批" => Set(CarrierStageKind.Recognised, out stage),
            "撤销" => Set(CarrierStageKind.Closed, out stage),
            var other => Enum.TryParse(other, ignoreCase: true, out stage) && Enum.IsDefined(stage),
        });
    }

    /// <summary>The names in a 依托单位 cell.</summary>
    public static IReadOnlyList<string> Names(string? cell) =>
        string.IsNullOrWhiteSpace(cell) ? [] : [.. cell.Split(['、', ',', '，', ';', '；', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    private static bool Set(CarrierStageKind value, out CarrierStageKind stage)
    {
        stage = value;
        return true;
    }
}
