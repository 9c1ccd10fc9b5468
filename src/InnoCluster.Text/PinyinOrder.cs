using System.Globalization;

namespace InnoCluster.Text;

/// <summary>
/// The order a Chinese reader expects a list of names in: by pinyin (阿里巴巴, 北京…, 重庆, 中科院), as
/// ICU's Chinese collation gives it, not by code point. Its key is a byte string, so a database orders by it
/// with a plain index on either provider. Keys change when ICU's collation does: <see cref="Version"/> says when.
/// </summary>
public static class PinyinOrder
{
    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>The collation's version; stored keys made under another version must be made again.</summary>
    public static int Version => Chinese.Version.FullVersion;

    public static byte[] KeyOf(string text) => Chinese.GetSortKey(text, CompareOptions.None).KeyData;

    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);
}
