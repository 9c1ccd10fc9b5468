using System.Text.RegularExpressions;
using InnoCluster.Text;

namespace InnoCluster.Features.Registry.Import;

/// <summary>The registry fields a spreadsheet column can fill.</summary>
public enum ImportField
{
    Ignore = 0,
    Name,
    CreditCode,
    District,
    ChainNodes,
    Tiers,
    EstablishedOn,
    Revenue,
    RdSpend,
    Employees,
    Year,
    FormerNames,
    Business,
    Products,
    City,
    ListedOn,
    SecurityCode,
    PatentsGranted,
    PatentsValid,
}

/// <summary>A column of the file as the import understands it: its field and, for money, its unit.</summary>
public sealed record ColumnBinding(int Index, string Header, ImportField Field, decimal MoneyFactor);

/// <summary>
/// Chinese headers as offices write them, recognised without a saved mapping: 企业名称, 统一社会信用代码,
/// 所属板块, 产业链环节, 企业梯队/类型, 成立日期, 营业收入(万元), 研发投入(万元), 从业人数, 年度 … The unit in a
/// money header's brackets (元, 万元, 亿元) is the unit of the column's plain numbers.
/// </summary>
public static partial class ImportHeaders
{
    private static readonly Dictionary<string, ImportField> Known = new(StringComparer.Ordinal)
    {
        ["企业名称"] = ImportField.Name, ["公司名称"] = ImportField.Name, ["单位名称"] = ImportField.Name, ["企业全称"] = ImportField.Name, ["名称"] = ImportField.Name,
        ["统一社会信用代码"] = ImportField.CreditCode, ["社会信用代码"] = ImportField.CreditCode, ["信用代码"] = ImportField.CreditCode,
        ["所属板块"] = ImportField.District, ["板块"] = ImportField.District, ["所在板块"] = ImportField.District, ["所属区域"] = ImportField.District, ["所属区县"] = ImportField.District, ["区县"] = ImportField.District,
        ["产业链环节"] = ImportField.ChainNodes, ["产业链"] = ImportField.ChainNodes, ["产业链节点"] = ImportField.ChainNodes, ["所属环节"] = ImportField.ChainNodes, ["细分领域"] = ImportField.ChainNodes,
        ["企业梯队/类型"] = ImportField.Tiers, ["企业梯队"] = ImportField.Tiers, ["企业类型"] = ImportField.Tiers, ["梯队"] = ImportField.Tiers, ["企业资质"] = ImportField.Tiers, ["资质"] = ImportField.Tiers,
        ["成立日期"] = ImportField.EstablishedOn, ["成立时间"] = ImportField.EstablishedOn, ["注册日期"] = ImportField.EstablishedOn,
        ["营业收入"] = ImportField.Revenue, ["营收"] = ImportField.Revenue, ["主营业务收入"] = ImportField.Revenue,
        ["研发投入"] = ImportField.RdSpend, ["研发费用"] = ImportField.RdSpend, ["研发经费"] = ImportField.RdSpend,
        ["从业人数"] = ImportField.Employees, ["员工人数"] = ImportField.Employees, ["职工人数"] = ImportField.Employees, ["从业人员"] = ImportField.Employees,
        ["授权专利数"] = ImportField.PatentsGranted, ["专利授权数"] = ImportField.PatentsGranted, ["当年授权专利"] = ImportField.PatentsGranted, ["授权专利"] = ImportField.PatentsGranted,
        ["有效专利数"] = ImportField.PatentsValid, ["有效专利"] = ImportField.PatentsValid, ["有效专利拥有量"] = ImportField.PatentsValid,
        ["年度"] = ImportField.Year, ["统计年度"] = ImportField.Year, ["数据年度"] = ImportField.Year, ["年份"] = ImportField.Year,
        ["曾用名"] = ImportField.FormerNames,
        ["主营业务"] = ImportField.Business, ["企业简介"] = ImportField.Business, ["经营范围"] = ImportField.Business,
        ["主要产品"] = ImportField.Products, ["产品"] = ImportField.Products,
        ["城市"] = ImportField.City, ["所在城市"] = ImportField.City,
        ["上市日期"] = ImportField.ListedOn, ["上市时间"] = ImportField.ListedOn,
        ["股票代码"] = ImportField.SecurityCode, ["证券代码"] = ImportField.SecurityCode,
    };

    [GeneratedRegex(@"^(?<name>[^()]+?)\s*(?:\((?<unit>[^()]*)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();

    /// <summary>Header as compared: half-width, no spaces or required-field stars, ASCII brackets.</summary>
    public static string Normalize(string header)
    {
        var folded = new string([.. header.Select(TextNormalizer.FoldChar)]);
        return folded.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal).Trim();
    }

    public static ColumnBinding Recognise(int index, string header)
    {
        var normalized = Normalize(header);
        if (Known.TryGetValue(normalized, out var whole))
        {
            return new ColumnBinding(index, header, whole, 1);
        }

        var match = HeaderPattern().Match(normalized);
        if (match.Success && Known.TryGetValue(match.Groups["name"].Value, out var field))
        {
            var factor = MoneyFactor(match.Groups["unit"].Value);
            return new ColumnBinding(index, header, field, factor);
        }

        return new ColumnBinding(index, header, ImportField.Ignore, 1);
    }

    /// <summary>元 → 1, 万元 → 10,000, 亿元 → 100,000,000; no unit means 元.</summary>
    public static decimal MoneyFactor(string unit) => unit switch
    {
        "" or "元" => 1,
        "千元" => 1_000,
        "万元" or "万" => 10_000,
        "百万元" => 1_000_000,
        "亿元" or "亿" => 100_000_000,
        _ => 1,
    };

    public static bool IsMoney(ImportField field) => field is ImportField.Revenue or ImportField.RdSpend;
}
