using System.Globalization;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Calculator.Pages;

/// <summary>
/// One condition of the clause editor, picked from lists — field, comparison, value, or members of a set —
/// so an official never types the stored syntax. A condition the platform cannot judge is kept as its words.
/// </summary>
public sealed class ConditionRow
{
    public string? Field { get; set; }

    public string? Operator { get; set; }

    /// <summary>A figure with its unit (2000万元, 15%, 5年), a range (100万元～500万元), or 是/否.</summary>
    public string? Value { get; set; }

    /// <summary>The members picked for a set field, each as "field:code" (tier:little-giant, district:sip).</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>A condition kept as written because the platform cannot judge it.</summary>
    public string? Text { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Field) && string.IsNullOrWhiteSpace(Text);

    /// <summary>The comparisons, with what a reader sees for each.</summary>
    public static IReadOnlyList<(string Value, string Chinese, string English)> Operators { get; } =
    [
        (">=", "不低于", "at least"), (">", "高于", "more than"), ("<=", "不高于", "at most"), ("<", "低于", "less than"), ("=", "等于", "equal to"),
        ("between", "介于", "between"), ("in", "属于其一", "is one of"), ("not-in", "不属于", "is none of"), ("is", "是否具备", "has or has not"),
    ];

    public static string OperatorLabel(string op) => Operators.FirstOrDefault(o => o.Value == op) is { Value: not null } o ? Ui.L(o.Chinese, o.English) : op;

    public ConditionInput ToInput()
    {
        if (ConditionFields.Find(Field) is not { } field)
        {
            return new ConditionInput(null, null, null, Text?.Trim());
        }

        var value = field.Kind == FieldKind.Set
            ? string.Join(',', Members.Where(m => m.StartsWith(field.Key + ":", StringComparison.Ordinal)).Select(m => m[(field.Key.Length + 1)..]))
            : Value?.Trim();
        return new ConditionInput(field.Key, Operator, value, null);
    }

    /// <summary>Why the row cannot be stored as a condition the platform judges (in the reader's language); null when it can.</summary>
    public string? Problem()
    {
        if (ConditionFields.Find(Field) is not { } field)
        {
            return null;
        }

        var input = ToInput();
        var checkedCondition = ConditionRules.Check(new Condition(input.Field, input.Operator, input.Value));
        return checkedCondition.Flag switch
        {
            null => null,
            ConditionFlags.ImpossibleRange => Ui.L($"“{field.Chinese}”的取值范围不可能成立", $"the range of “{field.English}” cannot hold"),
            _ when string.IsNullOrWhiteSpace(input.Value) => Ui.L($"请填写或选择“{field.Chinese}”的取值", $"give or pick a value for “{field.English}”"),
            _ when !field.Operators.Contains(input.Operator ?? "") => Ui.L($"“{field.Chinese}”可用的比较：{string.Join("、", field.Operators.Select(o => Operators.First(x => x.Value == o).Chinese))}", $"“{field.English}” takes: {string.Join(", ", field.Operators.Select(o => Operators.First(x => x.Value == o).English))}"),
            _ => Ui.L($"“{field.Chinese}”的取值无法识别：{input.Value}", $"the value of “{field.English}” cannot be read: {input.Value}"),
        };
    }

    public static ConditionRow From(ClauseQueries.ConditionDto condition)
    {
        if (condition.Flag is not null || ConditionFields.Find(condition.Field) is not { } field)
        {
            return new ConditionRow { Text = condition.Text ?? condition.Description };
        }

        var value = condition.Value ?? "";
        // Without thousands separators: a range is written "100万元～500万元" and a comma would split it.
        string Number(string v) => ConditionFields.FormatNumber(field, double.Parse(v, CultureInfo.InvariantCulture)).Replace(",", "", StringComparison.Ordinal);
        return field.Kind switch
        {
            FieldKind.Set => new ConditionRow { Field = field.Key, Operator = condition.Operator, Members = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => field.Key + ":" + v)] },
            FieldKind.Flag => new ConditionRow { Field = field.Key, Operator = condition.Operator, Value = value == "true" ? "是" : "否" },
            _ when condition.Operator == "between" => new ConditionRow { Field = field.Key, Operator = "between", Value = string.Join("～", value.Split("..").Select(Number)) },
            _ => new ConditionRow { Field = field.Key, Operator = condition.Operator, Value = Number(value) },
        };
    }

    /// <summary>The members a set field offers, grouped by field, as "field:code" with the reader's label.</summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<(string Value, string Label)> Options)> MemberOptions(IReadOnlyList<DistrictInfo> districts, IReadOnlyList<ChainNodeInfo> nodes) =>
    [
        (Ui.L("企业梯队", "Tiers"), [.. Enum.GetValues<Tier>().Select(t => ("tier:" + TierNames.Key(t), Ui.L(TierNames.Chinese(t), TierNames.English(t))))]),
        (Ui.L("所属板块", "Districts"), [.. districts.OrderBy(d => d.SortOrder).Select(d => ("district:" + d.Code, Ui.L(d.Name, d.NameEn)))]),
        (Ui.L("产业链环节", "Chain nodes"), [.. nodes.OrderBy(n => n.SortOrder).Select(n => ("chain:" + n.Code, new string('　', (int)n.Level) + Ui.L(n.Name, n.NameEn)))]),
    ];
}
