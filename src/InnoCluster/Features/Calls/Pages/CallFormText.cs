using System.Globalization;
using InnoCluster.Features.Calculator;
using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Calls.Pages;

/// <summary>
/// The new-call form's lists, one item per line, as an official types them: conditions as "字段 运算 值"
/// (district in sip; revenue >= 1000万元), form fields and attachments as their labels with "*" when
/// required, rubric criteria as "名称 权重 满分". A line that cannot be read is reported with its number.
/// </summary>
public static class CallFormText
{
    public static IReadOnlyList<EligibilityCondition> Conditions(string? text) =>
        [.. Lines(text).Select(line => line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) switch
        {
            [var field, var op, var value] => new EligibilityCondition(field, op, value),
            [var field, var op] => new EligibilityCondition(field, op, null),
            _ => new EligibilityCondition(null, null, null, line, "unknown-field"),
        })];

    public static IReadOnlyList<FormField> Fields(string? text) =>
        [.. Lines(text).Select((line, i) => new FormField($"f{i + 1}", line.TrimEnd('*', '＊').Trim(), IsRequired(line)))];

    public static IReadOnlyList<RequiredAttachment> Attachments(string? text) =>
        [.. Lines(text).Select((line, i) => new RequiredAttachment($"a{i + 1}", line.TrimEnd('*', '＊').Trim(), IsRequired(line)))];

    public static (IReadOnlyList<Criterion> Rubric, IReadOnlyList<FieldError> Errors) Rubric(string? text)
    {
        var rubric = new List<Criterion>();
        var errors = new List<FieldError>();
        var lines = Lines(text).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3
                && decimal.TryParse(parts[^2].TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var weight)
                && decimal.TryParse(parts[^1], NumberStyles.Number, CultureInfo.InvariantCulture, out var max))
            {
                rubric.Add(new Criterion($"c{i + 1}", string.Join(' ', parts[..^2]), weight, max));
            }
            else
            {
                errors.Add(new("rubric", $"第 {i + 1} 行应为“名称 权重 满分”，如“创新性 40 10” / line {i + 1} should read “name weight scale”, e.g. “创新性 40 10”"));
            }
        }

        return (rubric, errors);
    }

    private static bool IsRequired(string line) => line.EndsWith('*') || line.EndsWith('＊');

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
