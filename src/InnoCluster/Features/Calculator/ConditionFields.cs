using System.Globalization;
using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Calculator;

public enum FieldKind
{
    /// <summary>A figure compared with ≥, ≤, =, between.</summary>
    Number,

    /// <summary>A membership: tiers held, district, chain nodes (in / not-in).</summary>
    Set,

    /// <summary>Yes or no.</summary>
    Flag,
}

/// <summary>
/// A registry fact a condition can test. <see cref="Range"/> gives a number as an interval (an age known only
/// by founding year is "4 or 5"); <see cref="Member"/> turns the condition's values into a membership test
/// answering in three values (prepared once per clause: the all-pairs run allocates nothing per pair).
/// </summary>
public sealed record ConditionField(
    string Key,
    string Chinese,
    string English,
    FieldKind Kind,
    string Unit,
    Func<EnterpriseProfile, (double Low, double High)?>? Range = null,
    Func<IReadOnlyList<string>, Func<EnterpriseProfile, Truth>>? Member = null,
    Func<EnterpriseProfile, bool?>? Flag = null,
    bool Money = false)
{
    public IReadOnlyList<string> Operators => Kind switch
    {
        FieldKind.Number => [">=", ">", "<=", "<", "=", "between"],
        FieldKind.Set => ["in", "not-in"],
        _ => ["is"],
    };
}

/// <summary>The fields conditions may use: every one answered from the registry, nothing else.</summary>
public static class ConditionFields
{
    private static (double, double)? Exactly(double? value) => value is { } v ? (v, v) : null;

    public static IReadOnlyList<ConditionField> All { get; } =
    [
        new("revenue", "营业收入", "Revenue", FieldKind.Number, "元", Range: p => Exactly(p.Revenue), Money: true),
        new("rd-spend", "研发投入", "R&D spend", FieldKind.Number, "元", Range: p => Exactly(p.RdSpend), Money: true),
        new("rd-ratio", "研发投入占营业收入比例", "R&D share of revenue", FieldKind.Number, "%", Range: p => Exactly(p.RdRatioPercent)),
        new("revenue-growth", "营业收入增长率", "Revenue growth", FieldKind.Number, "%", Range: p => Exactly(p.RevenueGrowthPercent)),
        new("employees", "从业人数", "Employees", FieldKind.Number, "人", Range: p => Exactly(p.Employees)),
        new("age", "成立年限", "Years since founding", FieldKind.Number, "年", Range: p => p.AgeYears),
        new("tier", "企业梯队", "Cultivation tier", FieldKind.Set, "", Member: TierMember),
        new("district", "所属板块", "District", FieldKind.Set, "", Member: DistrictMember),
        new("chain", "产业链环节", "Chain node", FieldKind.Set, "", Member: ChainMember),
        new("algorithm-filing", "深度合成算法备案", "Algorithm filing", FieldKind.Flag, "", Flag: p => p.HasAlgorithmFiling),
        new("large-model-filing", "生成式人工智能（大模型）备案", "Large-model filing", FieldKind.Flag, "", Flag: p => p.HasLargeModelFiling),
        new("credit-code", "统一社会信用代码", "Credit code on record", FieldKind.Flag, "", Flag: p => p.HasCreditCode ? true : null),
    ];

    private static readonly Dictionary<string, ConditionField> ByName = All
        .SelectMany(f => new[] { (f.Key, f), (f.Chinese, f) })
        .ToDictionary(x => x.Item1, x => x.f, StringComparer.OrdinalIgnoreCase);

    public static ConditionField? Find(string? keyOrLabel) => keyOrLabel is null ? null : ByName.GetValueOrDefault(keyOrLabel.Trim());

    /// <summary>Tiers are the office's complete lists: not on a list is a known "no".</summary>
    private static Func<EnterpriseProfile, Truth> TierMember(IReadOnlyList<string> values)
    {
        var mask = 0UL;
        foreach (var value in values)
        {
            if (TierNames.TryParseKey(value, out var tier))
            {
                mask |= EnterpriseProfile.TierBit(tier);
            }
        }

        return profile => (profile.Tiers & mask) != 0 ? Truth.True : Truth.False;
    }

    /// <summary>A firm whose district is not on record may be in any of them.</summary>
    private static Func<EnterpriseProfile, Truth> DistrictMember(IReadOnlyList<string> values)
    {
        var codes = values.ToHashSet(StringComparer.Ordinal);
        return profile => profile.DistrictCode is null ? Truth.Unknown : codes.Contains(profile.DistrictCode) ? Truth.True : Truth.False;
    }

    /// <summary>A firm not yet placed on the chain map may belong to any node.</summary>
    private static Func<EnterpriseProfile, Truth> ChainMember(IReadOnlyList<string> values)
    {
        var codes = values.ToArray();
        return profile =>
        {
            if (profile.ChainCodes.Count == 0)
            {
                return Truth.Unknown;
            }

            foreach (var code in codes)
            {
                if (profile.ChainCodes.Contains(code))
                {
                    return Truth.True;
                }
            }

            return Truth.False;
        };
    }

    /// <summary>The field's unit in English ("yuan", "people", "years", "%").</summary>
    public static string EnglishUnit(ConditionField field) => field.Unit switch { "元" => "yuan", "人" => "people", "年" => "years", var other => other };

    public static string FormatNumber(ConditionField field, double value) =>
        field.Money ? Money((decimal)value) : value.ToString("#,0.##", CultureInfo.InvariantCulture) + field.Unit;

    /// <summary>元 amounts the way English writes them: CNY 1.5 bn, CNY 20 m, CNY 5,000.</summary>
    public static string MoneyInEnglish(decimal yuan) => Math.Abs(yuan) switch
    {
        >= 1_000_000_000m => string.Create(CultureInfo.InvariantCulture, $"CNY {yuan / 1_000_000_000m:0.##} bn"),
        >= 1_000_000m => string.Create(CultureInfo.InvariantCulture, $"CNY {yuan / 1_000_000m:0.##} m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"CNY {yuan:#,0.##}"),
    };

    /// <summary>元 amounts the way documents write them: 1亿元, 1,000万元, 5,000元.</summary>
    public static string Money(decimal yuan) => Math.Abs(yuan) switch
    {
        >= 100_000_000m => (yuan / 100_000_000m).ToString("#,0.####", CultureInfo.InvariantCulture) + "亿元",
        >= 10_000m => (yuan / 10_000m).ToString("#,0.####", CultureInfo.InvariantCulture) + "万元",
        _ => yuan.ToString("#,0.##", CultureInfo.InvariantCulture) + "元",
    };
}
