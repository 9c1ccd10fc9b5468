using InnoCluster.Features.Documents;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Text;

namespace InnoCluster.Features.Plans;

public enum TargetPeriod
{
    /// <summary>A level to reach by the deadline (规模超过300亿元).</summary>
    ByDeadline,

    /// <summary>A running total over the plan's years (累计认定120个).</summary>
    Cumulative,

    /// <summary>Every year (每年度遴选20个左右).</summary>
    Annual,
}

/// <summary>A numeric target an action plan states, with the sentence it comes from.</summary>
public sealed record ProposedTarget(
    string Name,
    decimal Value,
    decimal? UpperValue,
    string Unit,
    Qualifier Qualifier,
    int? Deadline,
    TargetPeriod Period,
    string Text,
    int TextStart,
    string Sentence,
    int SentenceStart);

/// <summary>
/// Proposes an action plan's numeric targets from its text: the document library's target facts (到2025年…
/// 超过300亿元, with the deadline carried through the 发展目标 bullets), plus what a plan needs on top —
/// whether a figure is cumulative (累计), annual (每年度) or a level by the deadline, and which figures
/// only name a class of firm ("超五十亿级企业5家": 5 firms is the target, not 50亿).
/// </summary>
public static class PlanTargetExtractor
{
    /// <summary>What a plan's task sentences commit to doing ("布局建立2-3个…基地"): in a plan these are targets too.</summary>
    private static readonly string[] PlanVerbs = ["建设", "建立", "布局", "打造", "遴选", "培育", "认定", "引进", "推动", "实施"];

    /// <summary>
    /// <paramref name="planEndYear"/> (2025 for a 2023-2025 plan) is the deadline of task figures that name no
    /// year of their own.
    /// </summary>
    public static IReadOnlyList<ProposedTarget> Extract(string text, int? documentYear, int? planEndYear = null)
    {
        var targets = new List<ProposedTarget>();
        foreach (var fact in FactExtractor.Extract(text, documentYear))
        {
            var annual = fact.Sentence.Text.Contains("每年", StringComparison.Ordinal);
            var taskFigure = planEndYear is not null && fact.Kind == FactKind.Count && fact.Year is null
                && PlanVerbs.Any(v => fact.Sentence.Text.Contains(v, StringComparison.Ordinal));
            if (fact.Quantity is not { } quantity || (fact.Kind != FactKind.Target && !annual && !taskFigure))
            {
                continue;
            }

            var offset = fact.TextStart - fact.Sentence.Start;
            var after = fact.Sentence.Text[(offset + fact.Text.Length)..];
            if (after.StartsWith('级'))
            {
                continue; // 超五十亿级企业: the size class of the firms counted, not a target
            }

            var before = fact.Sentence.Text[..offset];
            var clauseStart = before.LastIndexOfAny([';', '；', '。']) + 1;
            var clause = before[clauseStart..];
            var period = annual ? TargetPeriod.Annual
                : clause.Contains("累计", StringComparison.Ordinal) || fact.Sentence.Text[..offset].Contains("累计", StringComparison.Ordinal) ? TargetPeriod.Cumulative
                : TargetPeriod.ByDeadline;
            var name = string.Join(" · ", new[] { fact.Subject, fact.Metric }.Where(s => !string.IsNullOrWhiteSpace(s)));
            if (name.Length == 0 || "立设造选定进施动育建".Contains(name[^1], StringComparison.Ordinal))
            {
                // "布局建立 2-3 个校企合作…基地": what is counted follows the figure.
                var stop = after.IndexOfAny([',', '，', ';', '；', '。', '、']);
                var counted = (stop < 0 ? after : after[..stop]).Trim();
                name = (name + (counted.Length > 30 ? counted[..30] : counted)).Trim();
            }

            targets.Add(new ProposedTarget(
                name.Length > 0 ? name : fact.Text,
                quantity.Value,
                quantity.UpperValue,
                quantity.Unit,
                quantity.Qualifier,
                fact.Year ?? (annual ? null : planEndYear ?? documentYear),
                period,
                fact.Text,
                fact.TextStart,
                fact.Sentence.Text,
                fact.Sentence.Start));
        }

        return targets;
    }
}
