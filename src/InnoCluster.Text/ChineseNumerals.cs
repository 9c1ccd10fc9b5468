namespace InnoCluster.Text;

/// <summary>Chinese numerals (一百二十, 两千三百亿, 二〇二五, 壹仟) and Arabic numbers with 万/亿.</summary>
public static class ChineseNumerals
{
    public const string Digits = "零〇一二两三四五六七八九壹贰贰叁肆伍陆柒捌玖";
    public const string SmallUnits = "十百千拾佰仟";
    public const string LargeUnits = "万亿萬億";

    public static bool IsNumeralChar(char c) =>
        Digits.Contains(c, StringComparison.Ordinal) || SmallUnits.Contains(c, StringComparison.Ordinal) || LargeUnits.Contains(c, StringComparison.Ordinal);

    private static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    private static long UnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' or '萬' => 10_000,
        '亿' or '億' => 100_000_000,
        _ => 0,
    };

    /// <summary>Parses a whole string of Chinese numerals; false when any character is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var hasUnit = false;
        foreach (var c in text)
        {
            if (!IsNumeralChar(c))
            {
                return false;
            }

            hasUnit |= UnitValue(c) > 0;
        }

        if (!hasUnit)
        {
            // Positional digits: 二〇二五 = 2025.
            foreach (var c in text)
            {
                value = (value * 10) + DigitValue(c);
            }

            return true;
        }

        decimal total = 0;   // everything already multiplied by 亿
        decimal wan = 0;     // the part multiplied by 万 since the last 亿
        decimal section = 0; // below 万
        decimal digit = 0;
        var sawDigit = false;
        foreach (var c in text)
        {
            var d = DigitValue(c);
            if (d >= 0)
            {
                digit = d;
                sawDigit = true;
                continue;
            }

            var unit = UnitValue(c);
            if (unit < 10_000)
            {
                section += (sawDigit ? digit : 1) * unit;
            }
            else if (unit == 10_000)
            {
                // A lone 万 (超万架) is ten thousand, as a lone 十 is ten.
                wan += (section + digit == 0 && total == 0 && wan == 0 && !sawDigit ? 1 : section + digit) * unit;
                if (section + digit == 0 && total > 0)
                {
                    // 亿万 is not a number; treat 万 after 亿 with nothing between as 万亿 (1e12).
                    total *= 10_000;
                }

                section = 0;
            }
            else
            {
                var below = wan + section + digit;
                total = below == 0 && total == 0 ? unit : (total + below) * unit;
                wan = 0;
                section = 0;
            }

            digit = 0;
            sawDigit = false;
        }

        value = total + wan + section + digit;
        return true;
    }

    /// <summary>The factor of a magnitude written after an Arabic number: 万, 亿, 万亿, 千, 百.</summary>
    public static decimal MagnitudeFactor(ReadOnlySpan<char> magnitude)
    {
        decimal factor = 1;
        foreach (var c in magnitude)
        {
            var unit = UnitValue(c);
            if (unit == 0)
            {
                return 0;
            }

            factor *= unit;
        }

        return factor;
    }

    /// <summary>
    /// A number from 1 to 9999 as laws number their articles and chapters: 十, 十九, 一百一十, 一千零六十二
    /// (a leading 一十 is written 十; a zero between written once as 零).
    /// </summary>
    public static string Format(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9999);
        const string digits = "零一二三四五六七八九";
        var text = new System.Text.StringBuilder();
        var pendingZero = false;
        foreach (var (unit, name) in new[] { (1000, "千"), (100, "百"), (10, "十"), (1, "") })
        {
            var digit = number / unit % 10;
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                text.Append('零');
                pendingZero = false;
            }

            if (!(unit == 10 && digit == 1 && text.Length == 0))
            {
                text.Append(digits[digit]);
            }

            text.Append(name);
        }

        return text.ToString();
    }
}
