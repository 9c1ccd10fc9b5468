using System.Globalization;
using InnoCluster.Features.Registry;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// How conditions read for a person, in one language: the field's name, the comparison, the figure with its
/// unit, and members (tiers, 板块, chain nodes) by their names, never their codes. A code the registry no
/// longer knows is shown as stored, so nothing is hidden.
/// </summary>
public sealed class ConditionWording(IReadOnlyDictionary<string, (string Chinese, string English)> districts, IReadOnlyDictionary<string, (string Chinese, string English)> chainNodes, bool english)
{
    public bool English => english;

    public string Field(ConditionField field) => english ? field.English : field.Chinese;

    /// <summary>A support method's name ("资金奖励" / "Cash award").</summary>
    public string Method(SupportMethod method) => english ? SupportTerms.English(method) : SupportTerms.Chinese(method);

    /// <summary>"营业收入不低于2,000万元" / "Revenue at least CNY 20 m".</summary>
    public string Describe(Condition condition)
    {
        if (!condition.IsStructured || ConditionFields.Find(condition.Field) is not { } field)
        {
            return condition.Text ?? "";
        }

        string Number(string v) => Figure(field, double.Parse(v, CultureInfo.InvariantCulture));
        var value = condition.Value ?? "";
        var name = Field(field);
        var members = value.Split(',');
        return (condition.Operator, english) switch
        {
            (">=", false) => $"{name}不低于{Number(value)}",
            (">", false) => $"{name}超过{Number(value)}",
            ("<=", false) => $"{name}不超过{Number(value)}",
            ("<", false) => $"{name}低于{Number(value)}",
            ("=", false) => $"{name}等于{Number(value)}",
            ("between", false) => $"{name}在{Number(value.Split("..")[0])}至{Number(value.Split("..")[1])}之间",
            ("in", false) => $"{name}属于{string.Join("或", members.Select(v => Member(field, v)))}",
            ("not-in", false) => $"{name}不属于{string.Join("、", members.Select(v => Member(field, v)))}",
            ("is", false) => value == "true" ? $"已有{name}" : $"没有{name}",
            (">=", true) => $"{name} at least {Number(value)}",
            (">", true) => $"{name} more than {Number(value)}",
            ("<=", true) => $"{name} at most {Number(value)}",
            ("<", true) => $"{name} less than {Number(value)}",
            ("=", true) => $"{name} equal to {Number(value)}",
            ("between", true) => $"{name} between {Number(value.Split("..")[0])} and {Number(value.Split("..")[1])}",
            ("in", true) => $"{name}: {string.Join(" or ", members.Select(v => Member(field, v)))}",
            ("not-in", true) => $"{name}: none of {string.Join(", ", members.Select(v => Member(field, v)))}",
            ("is", true) => value == "true" ? $"Has: {name.ToLowerInvariant()}" : $"Has no {name.ToLowerInvariant()}",
            _ => condition.Text ?? "",
        };
    }

    /// <summary>The enterprise's value of a field as a person reads it ("2,300万元", "专精特新企业", "吴中区"); null when not on record.</summary>
    public string? EnterpriseValue(ConditionField field, EnterpriseProfile profile)
    {
        var separator = english ? ", " : "、";
        switch (field.Kind)
        {
            case FieldKind.Number:
                return field.Range!(profile) is { } r
                    ? r.Low == r.High ? Figure(field, r.Low) : $"{Figure(field, r.Low)}–{Figure(field, r.High)}"
                    : null;
            case FieldKind.Flag:
                return field.Flag!(profile) switch { true => english ? "yes" : "是", false => english ? "no" : "否", null => null };
            default:
                return field.Key switch
                {
                    "tier" => string.Join(separator, Enum.GetValues<Tier>().Where(profile.HasTier).Select(t => english ? TierNames.English(t) : TierNames.Chinese(t))) is { Length: > 0 } t ? t : english ? "none" : "无",
                    "district" => profile.DistrictCode is { } code ? Member(field, code) : null,
                    _ => profile.ChainCodes.Count == 0 ? null : string.Join(separator, profile.ChainCodes.Order(StringComparer.Ordinal).Select(c => Member(field, c))),
                };
        }
    }

    /// <summary>A failed condition with the firm's value beside it: "营业收入不低于2,000万元（现为800万元）".</summary>
    public string WithValue(string description, string? value) =>
        value is null ? description : english ? $"{description} (now {value})" : $"{description}（现为{value}）";

    public string Flag(string flag) => english
        ? flag switch
        {
            ConditionFlags.UnknownField => "the platform has no such field: check by hand",
            ConditionFlags.ImpossibleRange => "the range cannot hold: check by hand",
            ConditionFlags.BadValue => "the value cannot be read: check by hand",
            ConditionFlags.NotInRegistry => "the registry does not record this: check by hand",
            _ => flag,
        }
        : ConditionFlags.Chinese(flag);

    private string Member(ConditionField field, string key) => field.Key switch
    {
        "tier" when TierNames.TryParseKey(key, out var tier) => english ? TierNames.English(tier) : TierNames.Chinese(tier),
        "district" when districts.TryGetValue(key, out var district) => english ? district.English : district.Chinese,
        "chain" when chainNodes.TryGetValue(key, out var node) => english ? node.English : node.Chinese,
        _ => key,
    };

    private string Figure(ConditionField field, double value)
    {
        if (!english)
        {
            return ConditionFields.FormatNumber(field, value);
        }

        if (field.Money)
        {
            return ConditionFields.MoneyInEnglish((decimal)value);
        }

        var unit = ConditionFields.EnglishUnit(field) switch { "%" => "%", "" => "", "people" when value == 1 => " person", "years" when value == 1 => " year", var other => " " + other };
        return value.ToString("#,0.##", CultureInfo.InvariantCulture) + unit;
    }
}

/// <summary>The wording for this request's reader, with the registry's names of 板块 and chain nodes.</summary>
public sealed class ConditionWordings(IRegistryDirectory registry)
{
    private readonly Dictionary<bool, ConditionWording> _made = [];

    public Task<ConditionWording> ForReaderAsync(CancellationToken cancellationToken) => ForAsync(Infrastructure.Web.Ui.English, cancellationToken);

    public async Task<ConditionWording> ForAsync(bool english, CancellationToken cancellationToken)
    {
        if (!_made.TryGetValue(english, out var wording))
        {
            var districts = (await registry.DistrictsAsync(cancellationToken)).ToDictionary(d => d.Code, d => (d.Name, d.NameEn), StringComparer.Ordinal);
            var nodes = (await registry.ChainNodesAsync(cancellationToken)).ToDictionary(n => n.Code, n => (n.Name, n.NameEn), StringComparer.Ordinal);
            wording = _made[english] = new ConditionWording(districts, nodes, english);
        }

        return wording;
    }
}
