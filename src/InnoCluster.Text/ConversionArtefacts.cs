using System.Text.RegularExpressions;

namespace InnoCluster.Text;

/// <summary>
/// Repairs what bad converters leave in Chinese web text: pinyin in parentheses after a character
/// ("創(chuàng)新" → "創新", "產(chǎn)業(yè)" → "產業"). Only a parenthesised pinyin syllable with a tone mark
/// directly after a Han character is removed, so "(ITBT)", "(ai)" or "(10W以上)" stay.
/// </summary>
public static partial class ConversionArtefacts
{
    [GeneratedRegex(@"(?<=[\u4E00-\u9FFF\u3400-\u4DBF])\([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,5}\)", RegexOptions.CultureInvariant)]
    private static partial Regex PinyinAfterHan();

    public static string RemovePinyin(string text) => PinyinAfterHan().Replace(text, string.Empty);

    public static int CountPinyin(string text) => PinyinAfterHan().Count(text);
}
