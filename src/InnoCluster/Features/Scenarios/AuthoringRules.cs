using InnoCluster.Infrastructure.UseCases;

namespace InnoCluster.Features.Scenarios;

/// <summary>A demand or solution as saved: its id, and an earlier demand it nearly repeats when the author may see that one.</summary>
public sealed record Authored(int Id, int? PossibleDuplicateOf);

/// <summary>What every demand and solution field must be: a title and text within their lengths, at most 20 capabilities of 50 characters each.</summary>
public static class AuthoringRules
{
    public const int MaxTitle = 200;
    public const int MaxText = 10_000;

    public static string? Text(string? value, string field, int max, List<FieldError> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new FieldError(field, "不能为空 (required)"));
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(new FieldError(field, $"不能超过 {max} 字，现有 {text.Length} 字 (at most {max} characters, got {text.Length})"));
            return null;
        }

        return text;
    }

    public static List<string> Capabilities(List<string>? values, string field, List<FieldError> errors)
    {
        var list = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > 20)
        {
            errors.Add(new FieldError(field, "最多 20 项 (at most 20)"));
        }

        foreach (var tooLong in list.Where(v => v.Length > 50))
        {
            errors.Add(new FieldError(field, $"“{tooLong[..20]}…”超过 50 字 (each at most 50 characters)"));
        }

        return list;
    }
}
