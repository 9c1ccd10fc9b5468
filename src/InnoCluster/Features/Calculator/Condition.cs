using System.Globalization;
using InnoCluster.Features.Registry;
using InnoCluster.Text;

namespace InnoCluster.Features.Calculator;

/// <summary>
/// One eligibility condition of a clause: field, operator, value — or, when the text names something the
/// registry cannot answer (首版次软件, 中小企业, a person rather than a firm) or the condition cannot hold
/// (an impossible range), the words as written with a <see cref="Flag"/> saying why. A flagged condition
/// is never dropped and never guessed: it evaluates to unknown ("needs a person's check").
/// </summary>
public sealed record Condition(string? Field, string? Operator, string? Value, string? Text = null, string? Flag = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsStructured => Flag is null && Field is not null;

    public static Condition TextOnly(string text, string flag) => new(null, null, null, text, flag);
}

public static class ConditionFlags
{
    public const string UnknownField = "unknown-field";
    public const string ImpossibleRange = "impossible-range";
    public const string BadValue = "bad-value";
    public const string NotInRegistry = "not-in-registry";

    public static string Chinese(string flag) => flag switch
    {
        UnknownField => "平台没有该字段，需人工核对",
        ImpossibleRange => "取值范围不可能成立，需人工核对",
        BadValue => "取值无法识别，需人工核对",
        NotInRegistry => "登记库中没有此项信息，需人工核对",
        _ => flag,
    };
}

/// <summary>Checks, normalises and compiles conditions (<see cref="ConditionWording"/> words them for a reader).</summary>
public static class ConditionRules
{
    /// <summary>
    /// Returns the condition as stored: a known field with an allowed operator and a parseable value, or the
    /// written text with a flag. Numbers are normalised (money to 元).
    /// </summary>
    public static Condition Check(Condition condition)
    {
        var text = condition.Text ?? $"{condition.Field} {condition.Operator} {condition.Value}".Trim();
        if (condition.Flag is not null && condition.Field is null)
        {
            return condition with { Text = text };
        }

        var field = ConditionFields.Find(condition.Field);
        if (field is null)
        {
            return Condition.TextOnly(text, ConditionFlags.UnknownField);
        }

        var op = NormaliseOperator(condition.Operator);
        if (op is null || !field.Operators.Contains(op))
        {
            return Condition.TextOnly(text, ConditionFlags.BadValue);
        }

        var value = (condition.Value ?? "").Trim();
        switch (field.Kind)
        {
            case FieldKind.Number when op == "between":
                var parts = value.Split(["..", "~", "～", "至", ","], StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || ParseNumber(field, parts[0]) is not { } low || ParseNumber(field, parts[1]) is not { } high)
                {
                    return Condition.TextOnly(text, ConditionFlags.BadValue);
                }

                return low > high
                    ? Condition.TextOnly(text, ConditionFlags.ImpossibleRange)
                    : new Condition(field.Key, op, $"{Invariant(low)}..{Invariant(high)}", condition.Text);
            case FieldKind.Number:
                if (ParseNumber(field, value) is not { } number)
                {
                    return Condition.TextOnly(text, ConditionFlags.BadValue);
                }

                // No enterprise has a negative age, headcount or revenue, nor a share above 100 %.
                var impossible = (number < 0 && op is "<" or "<=" or "=")
                    || (number == 0 && op == "<" && field.Key is not "revenue-growth")
                    || (field.Unit == "%" && field.Key == "rd-ratio" && number > 100 && op is ">" or ">=" or "=");
                return impossible
                    ? Condition.TextOnly(text, ConditionFlags.ImpossibleRange)
                    : new Condition(field.Key, op, Invariant(number), condition.Text);
            case FieldKind.Set:
                var values = SplitValues(value).Select(v => NormaliseMember(field, v)).ToList();
                if (values.Count == 0 || values.Any(v => v is null))
                {
                    return Condition.TextOnly(text, ConditionFlags.BadValue);
                }

                return new Condition(field.Key, op, string.Join(",", values.Distinct(StringComparer.Ordinal)), condition.Text);
            default:
                bool? flag = value.ToLowerInvariant() switch { "true" or "是" or "yes" or "有" => true, "false" or "否" or "no" or "无" => false, _ => null };
                return flag is null
                    ? Condition.TextOnly(text, ConditionFlags.BadValue)
                    : new Condition(field.Key, op, flag.Value ? "true" : "false", condition.Text);
        }
    }

    /// <summary>Parses the editor's one-line form: "营业收入 >= 2000万元", "tier in little-giant,specialised-sme".</summary>
    public static Condition ParseLine(string line)
    {
        var trimmed = line.Trim();
        var parts = trimmed.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3 && ConditionFields.Find(parts[0]) is not null
            ? Check(new Condition(parts[0], parts[1], parts[2]))
            : Condition.TextOnly(trimmed, ConditionFlags.UnknownField);
    }

    /// <summary>The editor's one-line form of a stored condition (the inverse of <see cref="ParseLine"/>).</summary>
    public static string ToLine(Condition condition) =>
        condition.IsStructured ? $"{condition.Field} {condition.Operator} {condition.Value}" : condition.Text ?? "";

    /// <summary>Compiles a stored condition into a test; flagged conditions are always unknown.</summary>
    public static Func<EnterpriseProfile, Truth> Compile(Condition condition)
    {
        if (!condition.IsStructured || ConditionFields.Find(condition.Field) is not { } field)
        {
            return static _ => Truth.Unknown;
        }

        var value = condition.Value ?? "";
        switch (field.Kind)
        {
            case FieldKind.Number:
                var range = field.Range!;
                Func<double, bool> test;
                if (condition.Operator == "between")
                {
                    var bounds = value.Split("..").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                    var (low, high) = (bounds[0], bounds[1]);
                    test = x => x >= low && x <= high;
                }
                else
                {
                    var threshold = double.Parse(value, CultureInfo.InvariantCulture);
                    test = condition.Operator switch
                    {
                        ">=" => x => x >= threshold,
                        ">" => x => x > threshold,
                        "<=" => x => x <= threshold,
                        "<" => x => x < threshold,
                        _ => x => x == threshold,
                    };
                }

                return p => range(p) is { } r ? TruthLogic.ForInterval(r.Low, r.High, test) : Truth.Unknown;
            case FieldKind.Set:
                var member = field.Member!(value.Split(','));
                return condition.Operator == "not-in" ? p => member(p).Not() : member;
            default:
                var expected = value == "true";
                var flag = field.Flag!;
                return p => flag(p) is { } actual ? TruthLogic.From(actual == expected) : Truth.Unknown;
        }
    }

    private static string? NormaliseOperator(string? op) => op?.Trim() switch
    {
        ">=" or "≥" or "不低于" or "不少于" or "达到" or "至少" => ">=",
        ">" or "超过" or "高于" => ">",
        "<=" or "≤" or "不超过" or "不高于" or "以内" => "<=",
        "<" or "低于" or "不满" or "未满" or "少于" => "<",
        "=" or "==" or "等于" => "=",
        "between" or "介于" => "between",
        "in" or "属于" or "任一" => "in",
        "not-in" or "不属于" => "not-in",
        "is" or "是" => "is",
        _ => null,
    };

    private static double? ParseNumber(ConditionField field, string text)
    {
        var cleaned = text.Trim().TrimEnd('%', '％');
        if (double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        return QuantityParser.TryParse(cleaned, out var quantity, money: field.Money) ? (double)quantity.Value : null;
    }

    private static string[] SplitValues(string value) =>
        value.Split([',', '，', '、', ';', '；', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? NormaliseMember(ConditionField field, string value) => field.Key switch
    {
        "tier" => TierNames.TryParseKey(value, out var tier) || TierByChinese(value, out tier) ? TierNames.Key(tier) : null,
        _ => value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? value.ToLowerInvariant() : null,
    };

    private static bool TierByChinese(string value, out Tier tier)
    {
        foreach (var candidate in Enum.GetValues<Tier>())
        {
            if (TierNames.Chinese(candidate) == value)
            {
                tier = candidate;
                return true;
            }
        }

        tier = default;
        return false;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
