using System.Text.RegularExpressions;
using InnoCluster.Text;

namespace InnoCluster.Features.Calculator;

/// <summary>A sentence's support items (amounts grouped by their support words), their labels and recipients, and the clause's beneficiary.</summary>
public static partial class ClauseExtractor
{
    private sealed record AmountGroup(int Start, int End, List<ExtractedAmount> Amounts);

    /// <summary>
    /// The support items of one sentence. An amount closed by its own support word ("最高1亿元项目资助")
    /// is an item; the next amount of the same kind after it ("和最高1000万元购房补贴") starts another.
    /// Amounts with no support word between them ("每家最高100万元，单个项目最高50万元") stay one item,
    /// the first of each kind kept.
    /// </summary>
    private static List<SupportTerms> ItemsOf(string sentence, List<AmountGroup> groups, string? rateBase, int rateEnd)
    {
        var items = new List<(List<ExtractedAmount> Amounts, int Start, int End)>();
        foreach (var group in groups)
        {
            var last = items.Count > 0 ? items[^1] : default;
            var closed = last.Amounts is not null && SupportWord().IsMatch(sentence[last.End..group.Start]);
            var sameKind = last.Amounts is not null && group.Amounts.Any(a => last.Amounts.Any(b => b.Kind == a.Kind));
            if (last.Amounts is null || (closed && sameKind))
            {
                items.Add((new List<ExtractedAmount>(group.Amounts), group.Start, group.End));
            }
            else
            {
                last.Amounts.AddRange(group.Amounts.Where(a => last.Amounts.All(b => b.Kind != a.Kind)));
                items[^1] = (last.Amounts, last.Start, group.End);
            }
        }

        return [.. items.Select((item, i) =>
        {
            decimal? Of(string kind) => item.Amounts.FirstOrDefault(a => a.Kind == kind)?.Value;
            var next = i + 1 < items.Count ? items[i + 1].Start : sentence.Length;
            return new SupportTerms(
                item.Amounts[0].Method,
                Amount: Of("fixed"),
                Cap: Of("cap"),
                Minimum: Of("min"),
                RatePercent: Of("rate"),
                RateBase: Of("rate") is null ? null : rateBase,
                AmountText: string.Join("；", item.Amounts.Select(a => a.Text).Distinct()),
                // "按研发投入的10%给予补助，最高500万元": the rate's support word names the item.
                Label: LabelAfter(sentence, item.End, next) ?? (Of("rate") is not null && rateEnd <= item.Start ? LabelAfter(sentence, rateEnd, item.Start) : null),
                Beneficiary: RecipientBefore(sentence, item.Start));
        })];
    }

    [GeneratedRegex(@"^的?(?:给予|予以)?(?<label>[\p{IsCJKUnifiedIdeographs}]{0,6}?(?:奖励|奖补|补贴|补助|资助|贴息))")]
    private static partial Regex LabelPattern();

    /// <summary>What the item is, in the words right after its amount: "项目资助", "购房补贴", "奖励".</summary>
    private static string? LabelAfter(string sentence, int end, int limit) =>
        LabelPattern().Match(sentence[end..limit]) is { Success: true } m ? m.Groups["label"].Value : null;

    [GeneratedRegex(@"给予(?<who>[\p{IsCJKUnifiedIdeographs}]{2,12})$")]
    private static partial Regex RecipientPattern();

    /// <summary>"给予最先举报人1000元至1万元的奖励": the recipient the item names between 给予 and its amount.</summary>
    private static string? RecipientBefore(string sentence, int start) =>
        RecipientPattern().Match(sentence[..start]) is { Success: true } m && !SupportWord().IsMatch(m.Groups["who"].Value) ? m.Groups["who"].Value : null;

    [GeneratedRegex(@"^\s*(?:[（(][一二三四五六七八九十0-9]+[)）]|[0-9一二三四五六七八九十]+[、.．])?\s*对(?:于)?(?<who>[^，,。；：:]{2,20}?)[，,]")]
    private static partial Regex BeneficiaryPattern();

    /// <summary>"对于顶尖人才，…" / "对入围企业，…": who the clause is for, when its sentence opens by naming them.</summary>
    private static string? BeneficiaryOf(string sentence) =>
        BeneficiaryPattern().Match(sentence) is { Success: true } m ? m.Groups["who"].Value : null;
}
