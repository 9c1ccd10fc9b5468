using System.Globalization;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Registry;

/// <summary>
/// What a <c>projects:</c> indicator counts: investment projects that reached a stage by the day and had not
/// fallen through by then (<c>projects:contracted</c>), only those of a planned investment of at least so many 亿元
/// (<c>projects:contracted&gt;=10</c>, "投资额10亿元以上"), or their planned investment summed in 元 (<c>…/investment</c>), so that it
/// measures a target written in 元 (the plans store 300亿元 as 元).
/// </summary>
[FeatureContract]
public sealed record ProjectCount(ProjectStage Stage, decimal? MinInvestment, bool SumsInvestment)
{
    public const string Prefix = "projects:";

    /// <summary>元 in one 亿元: projects keep their investment in 亿元, as offices write it.</summary>
    public const decimal YuanPerYi = 100_000_000m;

    private const string SumSuffix = "/investment";

    public static string Key(ProjectStage stage) => stage.ToString().ToLowerInvariant();

    public static bool TryParseSpec(string? spec, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProjectCount? count)
    {
        count = null;
        if (spec is null || !spec.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = spec[Prefix.Length..];
        var sums = body.EndsWith(SumSuffix, StringComparison.Ordinal);
        body = sums ? body[..^SumSuffix.Length] : body;
        if (!FigureCount.TrySplitAtLeast(body, out body, out var min))
        {
            return false;
        }

        if (Enum.GetValues<ProjectStage>().Where(s => s != ProjectStage.Dropped).FirstOrDefault(s => Key(s) == body) is var stage && Key(stage) != body)
        {
            return false;
        }

        count = new ProjectCount(stage, min, sums);
        return true;
    }

    public string Spec => Prefix + Key(Stage) + (MinInvestment is { } min ? ">=" + min.ToString(CultureInfo.InvariantCulture) : "") + (SumsInvestment ? SumSuffix : "");

    public (string Chinese, string English) Describe()
    {
        var (zh, en) = (ListProjects.StageName(Stage, false), ListProjects.StageName(Stage, true));
        var size = MinInvestment is { } min ? ($"计划投资{min.ToString(CultureInfo.InvariantCulture)}亿元及以上的", $" of a planned investment of {(min * 100).ToString("0.##", CultureInfo.InvariantCulture)} million yuan or more") : ("", "");
        return SumsInvestment
            ? ($"已{zh}（或更进一步）且未终止的{size.Item1}招商项目计划投资额合计（未载明投资额的不计）", $"Planned investment of attracted projects{size.Item2} {en} or further and not dropped (projects without a stated amount add nothing)")
            : ($"已{zh}（或更进一步）且未终止的{size.Item1}招商项目数", $"Attracted projects{size.Item2} {en} or further and not dropped");
    }
}
