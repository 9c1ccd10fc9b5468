using System.Globalization;
using System.Text.RegularExpressions;

namespace InnoCluster.Text;

/// <summary>
/// Reads figures written the way Chinese documents and spreadsheets write them: 2300亿元, 超2300亿元,
/// 1.5亿, 两千三百亿, 1-2家, 20个左右, 约3亿, 不低于500万元, 4.7万亿元, 14000P. Magnitudes (万, 亿) are
/// parsed here and only here; nothing is guessed — a text that does not parse is reported as such.
/// </summary>
public static partial class QuantityParser
{
    private const string NumberPattern = @"(?:[0-9][0-9,，]*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿萬億壹贰叁肆伍陆柒捌玖拾佰仟]+)";

    [GeneratedRegex(
        @"^(?<pre>超过|超出|超|逾|高达|达到|达|近|接近|将近|约为|约|大约|不低于|不少于|不小于|至少|不超过|不高于|最高|最多|低于|少于|不足|突破|上(?=[百千万])|数(?=[十百千万]))?\s*" +
        @"(?<num>" + NumberPattern + @")\s*(?<mag>万亿|亿|万|千|百|萬億|億|萬)?\s*" +
        @"(?:(?<sep>-|~|～|—|–|至|到)\s*(?<num2>" + NumberPattern + @")\s*(?<mag2>万亿|亿|万|千|百|萬億|億|萬)?)?\s*(?<mid>余|多)?\s*" +
        @"(?<unit>[a-z%‰]+|元|美元|人民币|(?![余多以左上有])[\p{IsCJKUnifiedIdeographs}]{1,2})?\s*" +
        @"(?<post>以上|以下|以内|左右|上下|余|多|有余)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CellPattern();

    /// <summary>
    /// Parses a whole cell or phrase. <paramref name="defaultMoneyFactor"/> is the column's unit for plain
    /// numbers (10,000 for a 万元 column); an explicit 万/亿 in the text takes precedence over it.
    /// </summary>
    public static bool TryParse(string? text, out Quantity quantity, decimal defaultMoneyFactor = 1, bool money = false)
    {
        quantity = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = Fold(text);
        var match = CellPattern().Match(normalized);
        if (!match.Success || !TryNumber(match.Groups["num"].Value, out var value))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value;
        var magnitude = match.Groups["mag"].Value;
        if (unit.Length == 2 && "万亿".Contains(unit[0], StringComparison.Ordinal) && magnitude.Length == 0)
        {
            // "3亿元" is read by the regex as unit 亿元; move the magnitude back.
            magnitude = unit[..1];
            unit = unit[1..];
        }

        if (unit is "人民币")
        {
            unit = "元";
        }

        var isMoney = money || unit == "元";
        var factor = magnitude.Length > 0 ? ChineseNumerals.MagnitudeFactor(magnitude) : 1;
        if (magnitude.Length == 0 && isMoney && !HasChineseMagnitude(match.Groups["num"].Value))
        {
            factor = defaultMoneyFactor;
        }

        if (factor == 0)
        {
            return false;
        }

        decimal? upper = null;
        if (match.Groups["num2"].Success && match.Groups["num2"].Length > 0)
        {
            if (!TryNumber(match.Groups["num2"].Value, out var second))
            {
                return false;
            }

            var magnitude2 = match.Groups["mag2"].Value;
            var factor2 = magnitude2.Length > 0 ? ChineseNumerals.MagnitudeFactor(magnitude2) : factor;
            if (magnitude.Length == 0 && magnitude2.Length > 0)
            {
                // "50-100万": the magnitude written once applies to both ends.
                factor = factor2;
            }

            upper = second * factor2;
            if (upper < value * factor)
            {
                return false;
            }
        }

        var suffix = match.Groups["mid"].Success && match.Groups["mid"].Length > 0 ? match.Groups["mid"].Value : match.Groups["post"].Value;
        var qualifier = upper is null ? QualifierOf(match.Groups["pre"].Value, suffix) : Qualifier.Range;
        quantity = new Quantity(value * factor, upper, isMoney ? "元" : unit, qualifier, text.Trim());
        return true;
    }

    private static bool HasChineseMagnitude(string number) => number.AsSpan().IndexOfAny("万亿萬億") >= 0;

    private static bool TryNumber(string text, out decimal value)
    {
        var cleaned = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
        if (cleaned.Length > 0 && char.IsAsciiDigit(cleaned[0]))
        {
            return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        return ChineseNumerals.TryParse(cleaned, out value);
    }

    public static Qualifier QualifierOf(string prefix, string suffix)
    {
        var fromPrefix = prefix switch
        {
            "超过" or "超出" or "超" or "逾" or "突破" or "上" or "数" => Qualifier.MoreThan,
            "近" or "接近" or "将近" => Qualifier.Nearly,
            "约为" or "约" or "大约" => Qualifier.About,
            "不低于" or "不少于" or "不小于" or "至少" => Qualifier.AtLeast,
            "不超过" or "不高于" or "最高" or "最多" => Qualifier.AtMost,
            "低于" or "少于" or "不足" => Qualifier.LessThan,
            _ => Qualifier.Exact,
        };
        if (fromPrefix != Qualifier.Exact)
        {
            return fromPrefix;
        }

        return suffix switch
        {
            "以上" => Qualifier.AtLeast,
            "余" or "多" or "有余" => Qualifier.MoreThan,
            "左右" or "上下" => Qualifier.About,
            "以下" or "以内" => Qualifier.AtMost,
            _ => Qualifier.Exact,
        };
    }

    private static string Fold(string text)
    {
        var chars = text.Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = TextNormalizer.FoldChar(chars[i]);
        }

        return new string(chars);
    }
}
