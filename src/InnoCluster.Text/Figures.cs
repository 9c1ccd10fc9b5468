using System.Text.RegularExpressions;

namespace InnoCluster.Text;

/// <summary>A figure found in running text: where it stands and what it means.</summary>
public sealed record FoundFigure(int Start, int Length, Quantity Quantity);

/// <summary>
/// Finds the figures a sentence states — 超2300亿元, 累计上市企业15家, 1-2家, 20%以上, 14000P, 两千三百亿元 —
/// and reads them with <see cref="QuantityParser"/>. Dates and times (2024年, 7月19日, 10点18分), ordinals
/// (第一) and vague counts (一批, 一个) are not figures.
/// </summary>
public static partial class Figures
{
    private const string Units = "亿元|万元|千元|元|美元|亿台|万台|万颗|亿颗|家|个|项|所|台|颗|盒|架|名|位|人|场|起|条|批|座|张|件|辆|次|部|套|倍|天|公里|千米|米|分钟|小时|平方米|平方公里|PFLOPS|pflops|P|p|%|‰|GW|MW|W";

    [GeneratedRegex(
        @"(?<pre>超过|超出|超|逾|高达|达到|达|近|接近|将近|约为|约|大约|不低于|不少于|至少|不超过|最高|最多|突破|上(?=[百千万])|数(?=[十百千万]))?" +
        @"(?<num>\d[\d,]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)" +
        @"(?:\s*(?:-|~|—|–|至|到)\s*(?:\d[\d,]*(?:\.\d+)?|[一二三四五六七八九十百千]+))?" +
        @"\s*(?<mag>万亿|亿|万)?(?<mid>余|多)?\s*(?<unit>" + Units + @")?(?<post>以上|左右|余|多)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    public static IReadOnlyList<FoundFigure> Find(string text)
    {
        var normalized = TextNormalizer.NormalizeWithOffsets(text);
        var n = normalized.Text;
        var found = new List<FoundFigure>();
        foreach (Match m in Candidate().Matches(n))
        {
            var number = m.Groups["num"].Value;
            var unit = m.Groups["unit"].Value;
            var magnitude = m.Groups["mag"].Value;
            var arabic = char.IsAsciiDigit(number[0]);
            if (unit.Length == 0 && magnitude.Length == 0)
            {
                continue; // a bare number says nothing on its own
            }

            var after = m.Index + m.Length < n.Length ? n[m.Index + m.Length] : '\0';
            var before = m.Index > 0 ? n[m.Index - 1] : '\0';
            if (before is '第' || (arabic && m.Index > 0 && (char.IsAsciiLetter(before) || before == '-')))
            {
                continue; // ordinals and model names (第一, DFM-2)
            }

            var rest = n.AsSpan(m.Index + m.Length);
            if ((unit == "位" && (before == '前' || rest.StartsWith("一体", StringComparison.Ordinal)))
                || (unit == "元" && rest.StartsWith("宇宙", StringComparison.Ordinal))
                || rest.StartsWith("方面", StringComparison.Ordinal)
                || n.AsSpan(0, m.Index).EndsWith("专栏", StringComparison.Ordinal))
            {
                continue; // ranks (前四位), set phrases (三位一体), headings (专栏6 元宇宙), lists of aspects (四个方面)
            }

            if (after is '年' or '月' or '日' or '号' or '时' or '点' || (arabic && number.Length == 4 && after is '年'))
            {
                continue; // dates and times
            }

            if (unit is "次" or "届" && (before is '届' || n.AsSpan(m.Index + m.Length).StartsWith("会议", StringComparison.Ordinal)))
            {
                continue; // 二届三次会议: which session, not how many
            }

            if (!arabic && (ChineseNumerals.TryParse(number, out var value) ? value : 0) < 2 && unit is not ("亿元" or "万元" or "元" or "倍") && number != "万")
            {
                continue; // 一批, 一个, 一项: manners of speaking, not counts
            }

            if (!arabic && unit.Length == 0)
            {
                continue;
            }

            if (!arabic && unit == "元" && magnitude.Length == 0)
            {
                continue; // 三元融合, 一元化: words, not prices
            }

            var phrase = m.Value;
            if (!QuantityParser.TryParse(phrase, out var quantity))
            {
                continue;
            }

            var (start, length) = normalized.ToOriginal(m.Index, m.Length);
            found.Add(new FoundFigure(start, length, quantity with { Text = text.Substring(start, length) }));
        }

        return found;
    }
}
