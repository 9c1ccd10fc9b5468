using InnoCluster.Features.Registry.Import;
using InnoCluster.Infrastructure.Files;
using InnoCluster.Text;

namespace InnoCluster.Features.Registry;

/// <summary>
/// The spreadsheet of one kind of record as an office keeps it: its columns (Chinese headers, each with a guide),
/// the template to fill in, and how a row's cells become the request the API would take — values written as
/// offices write them (国家级, 首版次软件, 牵头) or as the API's keys.
/// </summary>
public static class RecordSheet
{
    public const string Firm = "企业名称";
    public const string CreditCode = "统一社会信用代码";

    /// <summary>A column: its header, the request field it fills, and its guide.</summary>
    public sealed record Column(string Header, string Field, string Chinese, string English);

    private static readonly Column[] Common =
    [
        new(Firm, "", "必填（或填信用代码）。登记库中的企业全称、简称或曾用名。", "Required (or the credit code). The firm's registered name, short name or former name."),
        new(CreditCode, "", "18位；填写时按代码匹配企业。", "18 characters; when given, the firm is matched by it."),
    ];

    private static readonly Column[] Dates =
    [
        new("年份", "year", "认定、发布或备案的年份（与日期至少填一项）。", "Year granted, published or filed (this or the date is required)."),
        new("日期", "grantedOn", "如 2024-06-30。", "e.g. 2024-06-30."),
    ];

    private static readonly Column[] Sources =
    [
        new("来源", "source", "必填。公示名单、通知文号或证书。", "Required. The published list, notice or certificate."),
        new("原文", "quote", "来源中的原句或名单行。", "The line of the source, as written."),
        new("出处", "locator", "链接或页码。", "A link or page."),
    ];

    public static IReadOnlyList<Column> Columns(RecordKind kind) => [.. Common, .. kind switch
    {
        RecordKind.Designations => (Column[])
        [
            new Column("梯队或资质", "tier", "如 高新技术企业、专精特新小巨人、瞪羚企业、上市企业。", "e.g. 高新技术企业, 专精特新小巨人, 瞪羚企业, 上市企业."),
            new Column("级别", "level", "国家级、省级、市级或区级。", "National, provincial, municipal or district (国家级, 省级, 市级, 区级)."),
            new Column("有效期至", "expiresOn", "证书的最后有效日，如 2027-12-13。", "The certificate's last valid day, e.g. 2027-12-13."),
            new Column("证券代码", "securityCode", "上市企业填写。", "For listed firms."),
            new Column("上市板块", "board", "如 科创板、创业板。", "e.g. 科创板, 创业板."),
        ],
        RecordKind.Certifications =>
        [
            new Column("认定类别", "kind", "首版次软件产品 或 融合创新产品。", "首版次软件产品 or 融合创新产品."),
            new Column("产品名称", "productName", "必填。", "Required."),
            new Column("级别", "level", "必填。国家级、省级、市级。", "Required. 国家级, 省级, 市级."),
            new Column("有效期至", "expiresOn", "如有。", "If any."),
        ],
        RecordKind.Standards =>
        [
            new Column("标准编号", "number", "必填，如 GB/T 42755-2023。", "Required, e.g. GB/T 42755-2023."),
            new Column("标准名称", "title", "必填。", "Required."),
            new Column("标准级别", "level", "国际、国家、行业、地方、团体或企业标准。", "国际, 国家, 行业, 地方, 团体 or 企业 (standard)."),
            new Column("角色", "role", "牵头（主导）或参与。", "牵头 (led) or 参与 (joined)."),
        ],
        RecordKind.Financing =>
        [
            new Column("轮次", "round", "必填。天使轮、A轮、B轮、C轮、D轮及以后、战略融资或其他。", "Required. 天使轮, A轮, B轮, C轮, D轮及以后, 战略融资 or 其他 (angel, A, B, C, later, strategic, other)."),
            new Column("金额（万元）", "amount", "公告载明的金额，以万元计；只写“数亿元”等的留空。", "The amount announced, in units of 10,000 yuan; leave empty when only words such as 数亿元 are given."),
            new Column("投资方", "investors", "按来源列出的顺序。", "As the source lists them."),
        ],
        _ =>
        [
            new Column("备案类别", "kind", "算法备案 或 大模型备案。", "算法备案 or 大模型备案 (algorithm or large model)."),
            new Column("名称", "name", "必填。算法或模型的名称。", "Required. The algorithm's or model's name."),
            new Column("备案号", "number", "如有。", "If any."),
        ],
    }, .. Dates, .. Sources];

    public static string SheetName(RecordKind kind) => kind switch
    {
        RecordKind.Designations => "企业梯队与资质",
        RecordKind.Certifications => "产品认定",
        RecordKind.Standards => "标准",
        RecordKind.Financing => "融资事件",
        _ => "备案",
    };

    public static Task WriteTemplateAsync(RecordKind kind, Stream output, CancellationToken cancellationToken) =>
        WriteTemplateAsync(SheetName(kind), Columns(kind), output, cancellationToken);

    /// <summary>A template: the sheet with its headers, and a guide to each column (Chinese and English).</summary>
    public static Task WriteTemplateAsync(string sheetName, IReadOnlyList<Column> columns, Stream output, CancellationToken cancellationToken) =>
        Spreadsheet.SaveSheetsAsync(output, new Dictionary<string, IEnumerable<IReadOnlyDictionary<string, object?>>>
        {
            [sheetName] = [columns.ToDictionary(c => c.Header, _ => (object?)null)],
            ["填写说明"] = columns.Select(c => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["列名"] = c.Header, ["说明"] = c.Chinese, ["Notes"] = c.English }),
        }, cancellationToken);

    /// <summary>The API's key for what an office wrote in a cell (国家级 → national, 牵头 → lead), or the cell as written; null when blank.</summary>
    public static string? Keyed(string? cell) =>
        string.IsNullOrWhiteSpace(cell) ? null : Aliases.TryGetValue(Fold(cell), out var key) ? key : cell.Trim();

    /// <summary>What offices write for each value, besides the API's keys, as <see cref="Fold"/> leaves it (Latin letters in lower case).</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["首版次"] = "first-edition-software", ["首版次软件"] = "first-edition-software", ["首版次软件产品"] = "first-edition-software",
        ["融合创新"] = "fusion-innovation-product", ["融合创新产品"] = "fusion-innovation-product", ["人工智能融合创新产品"] = "fusion-innovation-product",
        ["融合创新产品和应用解决方案"] = "fusion-innovation-product", ["人工智能融合创新产品和应用解决方案"] = "fusion-innovation-product",
        ["算法"] = "algorithm", ["算法备案"] = "algorithm", ["深度合成算法备案"] = "algorithm", ["深度合成服务算法备案"] = "algorithm",
        ["大模型"] = "large-model", ["大模型备案"] = "large-model", ["生成式人工智能备案"] = "large-model", ["生成式人工智能服务备案"] = "large-model",
        ["国际"] = "international", ["国际标准"] = "international", ["国家标准"] = "national", ["行业"] = "industry", ["行业标准"] = "industry",
        ["地方"] = "local", ["地方标准"] = "local", ["团体"] = "group", ["团体标准"] = "group", ["企业标准"] = "enterprise",
        ["牵头"] = "lead", ["主导"] = "lead", ["主持"] = "lead", ["参与"] = "participant", ["参编"] = "participant",
        ["全球"] = "global", ["国家"] = "national", ["国家级"] = "national", ["省"] = "provincial", ["省级"] = "provincial",
        ["天使"] = "angel", ["天使轮"] = "angel", ["种子轮"] = "angel", ["种子"] = "angel", ["pre-a轮"] = "a", ["prea轮"] = "a", ["a轮"] = "a", ["a+轮"] = "a",
        ["b轮"] = "b", ["b+轮"] = "b", ["c轮"] = "c", ["c+轮"] = "c", ["d轮"] = "later", ["d轮及以后"] = "later", ["e轮"] = "later", ["pre-ipo"] = "later", ["pre-ipo轮"] = "later",
        ["战略融资"] = "strategic", ["战略投资"] = "strategic", ["其他"] = "other", ["其他融资"] = "other",
        ["市"] = "municipal", ["市级"] = "municipal", ["区"] = "district", ["区级"] = "district", ["县级"] = "district",
    };

    /// <summary>
    /// The request a row asks for, from its cells by field; <paramref name="unreadable"/> names each date cell that
    /// is not a date (kept out, never guessed).
    /// </summary>
    public static object Request(RecordKind kind, Func<string, string?> cell, ICollection<string> unreadable)
    {
        string? Raw(string field) => string.IsNullOrWhiteSpace(cell(field)) ? null : cell(field)!.Trim();
        string? Value(string field) => Keyed(Raw(field));
        int? Year() => Raw("year") is not { } raw ? null : ImportDates.TryParseYear(raw, out var y) ? y : Unreadable<int>("year");
        decimal? Amount() => Raw("amount") is not { } raw ? null
            : decimal.TryParse(raw.Replace(",", "", StringComparison.Ordinal).Replace("万元", "", StringComparison.Ordinal).Replace("万", "", StringComparison.Ordinal).Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                ? amount : Unreadable<decimal>("amount");
        DateOnly? Day(string field) => Raw(field) is not { } raw ? null : ImportDates.TryParseDate(raw, out var day) ? day : Unreadable<DateOnly>(field);
        T? Unreadable<T>(string field)
            where T : struct
        {
            unreadable.Add(field);
            return null;
        }

        var (source, quote, locator) = (Raw("source"), Raw("quote"), Raw("locator"));
        switch (kind)
        {
            case RecordKind.Designations:
                var (tier, impliedLevel) = TierCell(Raw("tier"));
                return new DesignationRequest(tier, Value("level") ?? impliedLevel, Year(), Day("grantedOn"), Day("expiresOn"), Raw("securityCode"), Raw("board"), source, quote, locator);
            case RecordKind.Certifications:
                return new CertificationRequest(Value("kind"), Raw("productName"), Value("level"), Year(), Day("grantedOn"), Day("expiresOn"), source, quote, locator);
            case RecordKind.Financing:
                return new FinancingRequest(Value("round"), Amount(), Raw("investors"), Year(), Day("grantedOn"), source, quote, locator);
            case RecordKind.Standards:
                return new StandardRequest(Raw("number"), Raw("title"), Value("level"), Value("role"), Year(), Day("grantedOn"), source, quote, locator);
            default:
                return new FilingRequest(Value("kind"), Raw("name"), Raw("number"), Year(), Day("grantedOn"), source, quote, locator);
        }
    }

    private static (string? Tier, string? Level) TierCell(string? cell) =>
        cell is null ? (null, null)
        : RecordWords.TryParse<Tier>(cell, TierNames.Key, out var keyed) ? (TierNames.Key(keyed), null)
        : TierText.TryParse(cell, out var parsed) ? (TierNames.Key(parsed.Tier), parsed.Level == TierLevel.Unspecified ? null : RecordWords.Key(parsed.Level))
        : (cell, null);

    /// <summary>A cell folded for comparing with the words offices write: full-width and traditional forms folded, spaces and quotes dropped.</summary>
    public static string Fold(string text) => new([.. text.Select(TextNormalizer.FoldChar).Where(c => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"'))]);
}
