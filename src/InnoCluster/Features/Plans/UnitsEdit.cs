namespace InnoCluster.Features.Plans;

/// <summary>An action's or task's title and responsible units as an official writes them.</summary>
public sealed record UnitsEdit(string? Title, List<string>? Units, bool ApplyToTasks = false)
{
    /// <summary>The trimmed title and units, or the problems: a title of 1-200 characters, at least one unit, each at most 100.</summary>
    public (string? Title, List<string> Units, Dictionary<string, string[]> Problems) Read()
    {
        var problems = new Dictionary<string, string[]>();
        var title = Title?.Trim();
        if (title is { Length: 0 or > 200 })
        {
            problems["title"] = ["标题为 1-200 字 (title: 1-200 characters)"];
        }

        var units = (Units ?? []).Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (units.Count == 0)
        {
            problems["units"] = ["至少一个责任单位 (at least one responsible unit)"];
        }
        else if (units.Any(u => u.Length > 100))
        {
            problems["units"] = ["单位名称不超过 100 字 (a unit's name is at most 100 characters)"];
        }

        return (title, units, problems);
    }
}
