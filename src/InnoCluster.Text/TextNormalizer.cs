namespace InnoCluster.Text;

/// <summary>
/// The one normalisation every store uses before segmenting: full-width → half-width,
/// ideographic space → space, Kangxi radicals and compatibility ideographs → unified ideographs (PDF fonts
/// often map 人 to ⼈ U+2F08), Latin lower case, traditional → simplified.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScriptConverter.TraditionalToSimplified.Convert(Fold(text));
    }

    private static string Fold(string text) => string.Create(text.Length, text, static (destination, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = FoldChar(source[i]);
        }
    });

    public static NormalizedText NormalizeWithOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (converted, index) = ScriptConverter.TraditionalToSimplified.ConvertWithOffsets(Fold(text));
        return new NormalizedText(text, converted, index);
    }

    private static readonly (char Radical, char Ideograph)[] SimplifiedRadicals =
    [
        ('\u2EA0', '民'), ('\u2EC4', '西'), ('\u2EC5', '见'), ('\u2EC6', '角'), ('\u2EC9', '贝'), ('\u2ECB', '车'),
        ('\u2ED3', '长'), ('\u2ED4', '门'), ('\u2ED9', '韦'), ('\u2EDA', '页'), ('\u2EDB', '风'), ('\u2EDC', '飞'),
        ('\u2EE2', '马'), ('\u2EE5', '鱼'), ('\u2EE6', '鸟'), ('\u2EE7', '卤'), ('\u2EE8', '麦'), ('\u2EE9', '黄'),
        ('\u2EEA', '黾'), ('\u2EEC', '齐'), ('\u2EEE', '齿'), ('\u2EF0', '龙'),
    ];

    /// <summary>Unified ideographs for the radical and compatibility forms (NFKC of each), index 0 = U+2E80.</summary>
    private static readonly char[] Ideographs = BuildIdeographTable();

    private static char[] BuildIdeographTable()
    {
        var table = new char[0xFB00 - 0x2E80];
        for (var c = 0x2E80; c < 0xFB00; c++)
        {
            var isRadical = c is >= 0x2E80 and <= 0x2FDF;
            var isCompatibility = c is >= 0xF900 and <= 0xFAFF;
            var form = isRadical || isCompatibility ? ((char)c).ToString().Normalize(System.Text.NormalizationForm.FormKC) : "";
            table[c - 0x2E80] = form.Length == 1 && IsHan(form[0]) && form[0] != c ? form[0] : (char)c;
        }

        // CJK Radicals Supplement forms that are whole simplified characters have no NFKC mapping; PDF fonts use them too.
        foreach (var (radical, ideograph) in SimplifiedRadicals)
        {
            table[radical - 0x2E80] = ideograph;
        }

        return table;
    }

    /// <summary>Text with radical and compatibility forms of ideographs replaced by the ideographs themselves.</summary>
    public static string FoldIdeographForms(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\u2E80', '\u2FDF');
        var compatibility = text.AsSpan().IndexOfAnyInRange('\uF900', '\uFAFF');
        if (first < 0 && compatibility < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                destination[i] = c is (>= '\u2E80' and <= '\u2FDF') or (>= '\uF900' and <= '\uFAFF') ? Ideographs[c - 0x2E80] : c;
            }
        });
    }

    /// <summary>Full-width ASCII and the ideographic space to their ASCII forms, ideograph forms to ideographs, then lower case.</summary>
    public static char FoldChar(char c)
    {
        if (c is (>= '\u2E80' and <= '\u2FDF') or (>= '\uF900' and <= '\uFAFF'))
        {
            return Ideographs[c - 0x2E80];
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000' || c == '\u00A0')
        {
            c = ' ';
        }

        return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
    }

    public static bool IsHan(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
