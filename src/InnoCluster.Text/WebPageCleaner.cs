using System.Text;
using System.Text.RegularExpressions;

namespace InnoCluster.Text;

/// <summary>
/// Removes what saved web pages carry besides the article: navigation and breadcrumbs, "back to top",
/// spam banners above the title, sidebars of related, popular and latest articles, copyright footers
/// and platform notices, map widgets; repairs pinyin-in-parentheses artefacts; trims indentation and
/// blank runs. Works line by line on extracted text, so it serves HTML, text and PDF sources alike.
/// </summary>
public static partial class WebPageCleaner
{
    // A heading that starts the page's tail: everything from it on is not the article.
    private static readonly string[] TailMarkers =
    [
        "相关阅读", "相關閱讀", "热门文章", "熱門文章", "最新文章", "延伸阅读", "延伸閱讀", "相关推荐", "相關推薦", "猜你喜欢", "猜你喜歡",
        "特别声明", "特別聲明", "版权所有", "版權所有", "Notice: The content above", "责任编辑", "責任編輯",
    ];

    private static readonly HashSet<string> NoiseLines = new(StringComparer.Ordinal)
    {
        "返回", "頂部", "顶部", "返回顶部", "返回頂部", "Baidu", "map", "服务粉丝", "我们一直在努力", "熱點", "热点", "分享到", "打印", "关闭", "關閉",
        "政策库", "政策详情", "【打印】", "【关闭】",
    };

    // A trail of short labels ("首页 > 财经 > 正文"): not a sentence that happens to hold '>' or markup
    // written as text ("<script>alert(1)</script> 是一段示例代码" is a paragraph to keep).
    [GeneratedRegex(@"^(当前位置|當前位置|您的位置|首页|首頁)\s*[:：>]|(首页|首頁)\s*>|^[^<>\s，。；,;]{1,12}\s*>\s*[^<>\s，。；,;]{1,12}\s*>", RegexOptions.CultureInvariant)]
    private static partial Regex Breadcrumb();

    private static bool IsBreadcrumb(string line) => line.Length <= 80 && Breadcrumb().IsMatch(line);

    [GeneratedRegex(@"^[A-Za-z0-9_-]*\d{8,}[A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaPlaceholder();

    [GeneratedRegex(@"字体大小\s*[:：]?\s*放大\s*正常\s*缩小", RegexOptions.CultureInvariant)]
    private static partial Regex FontSizeWidget();

    public static string Clean(string text)
    {
        var lines = ConversionArtefacts.RemovePinyin(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
            .Split('\n')
            .Select(l => FontSizeWidget().Replace(l, string.Empty).Trim().Trim('\u3000'))
            .ToList();

        var firstContent = lines.FindIndex(l => l.Length > 0);
        if (firstContent >= 0 && IsSpamBanner(lines[firstContent]))
        {
            lines[firstContent] = string.Empty;
        }

        // The tail starts at the first marker found in the last two thirds of the page.
        var nonEmpty = lines.Count(l => l.Length > 0);
        var seen = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            seen++;
            if (seen > nonEmpty / 3 && TailMarkers.Any(m => lines[i].StartsWith(m, StringComparison.Ordinal)))
            {
                lines.RemoveRange(i, lines.Count - i);
                break;
            }
        }

        var output = new StringBuilder(text.Length);
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0 || NoiseLines.Contains(line) || IsBreadcrumb(line) || MediaPlaceholder().IsMatch(line))
            {
                blank = output.Length > 0;
                continue;
            }

            if (blank)
            {
                output.Append('\n');
                blank = false;
            }

            output.Append(line).Append('\n');
        }

        return output.ToString().Trim();
    }

    /// <summary>A first line of keyword stuffing: several '_'-joined phrases and no sentence punctuation.</summary>
    public static bool IsSpamBanner(string line) =>
        line.Split('_').Length >= 3 && line.IndexOfAny(['，', '。', ',', '：', ':']) < 0;
}
