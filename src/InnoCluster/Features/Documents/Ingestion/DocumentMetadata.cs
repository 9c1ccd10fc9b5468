using System.Globalization;
using System.Text.RegularExpressions;
using InnoCluster.Text;

namespace InnoCluster.Features.Documents.Ingestion;

/// <summary>What a document says about itself, read from the labelled fields its page carries.</summary>
public sealed record DocumentMetadata
{
    public string Title { get; init; } = "";

    public DocumentKind Kind { get; init; } = DocumentKind.Other;

    public string? DocumentNumber { get; init; }

    public string? IssuingBody { get; init; }

    public string? LevelText { get; init; }

    public DocumentLevel Level { get; init; }

    public DocumentStatus Status { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> SupportMethods { get; init; } = [];

    public IReadOnlyList<string> SupportedIndustries { get; init; } = [];

    public string? DisclosureIndex { get; init; }

    public DateOnly? GeneratedOn { get; init; }

    public DateOnly? PublishedOn { get; init; }

    public DateOnly? DocumentDate { get; init; }

    public int? Year { get; init; }

    public string? Source { get; init; }

    public string? Author { get; init; }
}

/// <summary>
/// Reads the metadata government pages and news pages carry as labelled fields: 文号, 级别, 状态,
/// 分类, 支持方式, 支持产业, 发文单位 (policy library pages); 信息索引号, 生成日期, 公开日期, 文件编号,
/// 发布机构, 效力状况 (disclosure pages); 来源, 作者, dates (news); a law's header block.
/// </summary>
public static partial class MetadataExtractor
{
    /// <summary>A labelled field such as 日期: or 来源：, not a title with a colon in it (常熟市:应用场景…).</summary>
    private static bool IsFieldLine(string line) =>
        line.StartsWith("信息索引号", StringComparison.Ordinal) || Labels.Any(l => line.StartsWith(l, StringComparison.Ordinal) && line[l.Length..].TrimStart() is [':' or '：', ..]);

    [GeneratedRegex(@"[\u4E00-\u9FFF]{2,16}[〔\[【(（]\s*(?<year>(19|20)\d{2})\s*[〕\]】)）]\s*第?\s*\d{1,4}\s*号", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumberPattern();

    [GeneratedRegex(@"(?<y>(19|20)\d{2})\s*[年\-/.]\s*(?<m>\d{1,2})\s*[月\-/.]\s*(?<d>\d{1,2})\s*日?", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\((?<y>(19|20)\d{2})-(?<m>\d{2})-(?<d>\d{2})\)", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameDate();

    private static readonly string[] Labels =
    [
        "文号", "文件编号", "级别", "状态", "效力状况", "分类", "支持方式", "支持产业", "发文单位", "发布机构", "发文机关",
        "信息索引号", "生成日期", "公开日期", "发布日期", "成文日期", "日期", "来源", "作者", "内容概述", "附件下载", "时间", "主题分类",
    ];

    public static DocumentMetadata Extract(string cleanText, string fileName, string format)
    {
        var lines = cleanText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var head = string.Join('\n', lines.Take(30));
        var fields = ReadFields(head);
        string? Field(params string[] names) => names.Select(n => fields.GetValueOrDefault(n)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && v.Trim('—', '-', ' ').Length > 0);

        var title = TitleOf(lines, format);
        var number = Field("文号", "文件编号") is { } n && DocumentNumberPattern().Match(n) is { Success: true } nm ? nm.Value
            : NumberLine(lines);
        var levelText = Field("级别");
        var status = Field("状态", "效力状况");
        var issuer = Field("发文单位", "发布机构", "发文机关");
        var published = ParseDate(Field("公开日期", "发布日期"));
        var generated = ParseDate(Field("生成日期", "成文日期"));
        var documentDate = LastStandaloneDate(lines) ?? ParseDate(Field("日期", "时间")) ?? FileNameDate().Match(fileName) switch
        {
            { Success: true } m => new DateOnly(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)),
            _ => null,
        };

        var isLaw = format == "md" && Outline.ReadsAsLaw(cleanText);
        var kind = isLaw ? DocumentKind.Law
            : number is not null || issuer is not null && levelText is not null || title.Contains("行动计划", StringComparison.Ordinal) || title.Contains("办法", StringComparison.Ordinal) || title.Contains("若干措施", StringComparison.Ordinal) || title.Contains("意见", StringComparison.Ordinal) && title.Contains("关于", StringComparison.Ordinal) ? DocumentKind.Policy
            : title.Contains("答复", StringComparison.Ordinal) || title.Contains("提案", StringComparison.Ordinal) || title.Contains("建议的", StringComparison.Ordinal) ? DocumentKind.Reply
            : head.Contains("来源", StringComparison.Ordinal) || head.Contains("記者", StringComparison.Ordinal) || head.Contains("记者", StringComparison.Ordinal) || cleanText.Length < 20000 ? DocumentKind.News
            : DocumentKind.Other;

        var issuingBody = issuer ?? (isLaw ? LawIssuer(lines) : SignatureIssuer(lines, kind));
        var year = documentDate?.Year ?? published?.Year ?? (number is not null ? int.Parse(DocumentNumberPattern().Match(number).Groups["year"].Value, CultureInfo.InvariantCulture) : null);
        return new DocumentMetadata
        {
            Title = title,
            Kind = kind,
            DocumentNumber = number,
            IssuingBody = issuingBody,
            LevelText = levelText,
            Level = LevelOf(levelText, issuingBody),
            Status = status is null ? (isLaw ? DocumentStatus.Valid : DocumentStatus.Unknown) : status.Contains("失效", StringComparison.Ordinal) || status.Contains("废止", StringComparison.Ordinal) ? DocumentStatus.Expired : status.Contains("有效", StringComparison.Ordinal) ? DocumentStatus.Valid : DocumentStatus.Unknown,
            Categories = Split(Field("分类", "主题分类")),
            SupportMethods = Split(Field("支持方式")),
            SupportedIndustries = Split(Field("支持产业")),
            DisclosureIndex = Field("信息索引号"),
            GeneratedOn = generated,
            PublishedOn = published,
            DocumentDate = documentDate ?? published,
            Year = year,
            Source = FirstWord(Field("来源")),
            Author = AuthorOf(lines, Field("作者")),
        };
    }

    /// <summary>
    /// Labelled fields, several to a line as disclosure pages print them ("信息索引号 X 生成日期 Y …") or
    /// run together ("级别:苏州市级状态: 有效"). A value runs to the next label.
    /// </summary>
    public static Dictionary<string, string> ReadFields(string head)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var pattern = string.Join('|', Labels.OrderByDescending(l => l.Length).Select(Regex.Escape));
        foreach (var line in head.Split('\n'))
        {
            var matches = Regex.Matches(line, $"(?<label>{pattern})\\s*[:：]?\\s*", RegexOptions.CultureInvariant);
            for (var i = 0; i < matches.Count; i++)
            {
                var m = matches[i];
                // A label must start the line or follow a value; "日期" inside "生成日期" is taken by the longer label.
                var valueStart = m.Index + m.Length;
                var valueEnd = i + 1 < matches.Count ? matches[i + 1].Index : line.Length;
                if (valueEnd < valueStart)
                {
                    continue;
                }

                var label = m.Groups["label"].Value;
                var value = line[valueStart..valueEnd].Trim();
                if (!fields.ContainsKey(label) && (m.Index == 0 || m.Value.Contains(':', StringComparison.Ordinal) || m.Value.Contains('：', StringComparison.Ordinal) || line.Contains("信息索引号", StringComparison.Ordinal) || line.Contains("发布机构", StringComparison.Ordinal) || line.Contains("效力状况", StringComparison.Ordinal)))
                {
                    fields[label] = value;
                }
            }
        }

        return fields;
    }

    /// <summary>
    /// A document's own number stands on a line of its own near the top (苏创新集群办〔2022〕12号); one cited
    /// inside a sentence (落实《…》(苏府办〔2022〕122号)) belongs to another document.
    /// </summary>
    private static string? NumberLine(List<string> lines)
    {
        foreach (var line in lines.Take(12))
        {
            var m = DocumentNumberPattern().Match(line);
            if (m.Success && line.Length <= m.Length + 6)
            {
                return m.Value;
            }
        }

        return null;
    }

    private static string TitleOf(List<string> lines, string format)
    {
        if (format == "md" && lines.Count > 0 && lines[0].StartsWith('#'))
        {
            // A code published in books, one file each ("# 中华人民共和国民法典" then "# 婚姻家庭编"): the book is part of
            // the title, or every book would be taken for a later edition of the one before.
            return lines.Count > 1 && lines[1].StartsWith("# ", StringComparison.Ordinal)
                ? lines[0].TrimStart('#', ' ') + " " + lines[1].TrimStart('#', ' ')
                : lines[0].TrimStart('#', ' ');
        }

        for (var i = 0; i < Math.Min(8, lines.Count); i++)
        {
            var line = lines[i];
            // The issuer's mark above a 公文's title (GB/T 9704 发文机关标志: "苏州市人民政府文件") is not its title.
            if (line.Length <= 30 && line.EndsWith("文件", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Length is >= 6 and <= 80 && !IsFieldLine(line) && !DocumentNumberPattern().IsMatch(line))
            {
                // A title the layout wrapped (PDF lines): the next short line finishes it with the document's kind.
                if (!EndsLikeATitle(line) && i + 1 < lines.Count && lines[i + 1].Length < 40 && EndsLikeATitle(lines[i + 1]) && !DocumentNumberPattern().IsMatch(lines[i + 1]))
                {
                    return line + lines[i + 1];
                }

                return line.TrimEnd('。');
            }
        }

        return lines.FirstOrDefault() is { } first ? (first.Length > 80 ? first[..80] : first) : "(无标题)";
    }

    private static readonly string[] TitleEndings = ["通知", "通告", "公告", "办法", "意见", "方案", "计划", "决定", "规定", "条例", "细则", "函", "报告", "措施", "规划", "指南", "批复", "答复"];

    private static bool EndsLikeATitle(string line)
    {
        var trimmed = line.TrimEnd(')', '）', '。');
        return TitleEndings.Any(e => trimmed.EndsWith(e, StringComparison.Ordinal)) || line.EndsWith("年)", StringComparison.Ordinal) || line.EndsWith("年）", StringComparison.Ordinal);
    }

    private static readonly string[] ProvincialLevelCities = ["北京市", "上海市", "天津市", "重庆市"];

    /// <summary>The level the page states (苏州市级), else the issuing body's: 全国/国务院/部 national, 省 and the four municipalities provincial, 市 municipal, 区/县 district.</summary>
    private static DocumentLevel LevelOf(string? levelText, string? issuingBody)
    {
        var text = (levelText ?? "") + " " + (issuingBody ?? "");
        if (text.Contains("国家", StringComparison.Ordinal) || text.Contains("全国", StringComparison.Ordinal) || text.Contains("国务院", StringComparison.Ordinal) || text.StartsWith("中华人民共和国", StringComparison.Ordinal)
            || (issuingBody is { } body && body.EndsWith('部') && !body.Contains('省', StringComparison.Ordinal) && !body.Contains('市', StringComparison.Ordinal)))
        {
            return DocumentLevel.National;
        }

        if (text.Contains('省', StringComparison.Ordinal) || text.Contains("自治区", StringComparison.Ordinal) || (issuingBody is not null && ProvincialLevelCities.Any(c => issuingBody.StartsWith(c, StringComparison.Ordinal)) && !issuingBody[3..].Contains('区', StringComparison.Ordinal) && !issuingBody[3..].Contains('县', StringComparison.Ordinal)))
        {
            return DocumentLevel.Provincial;
        }

        if (text.Contains('区', StringComparison.Ordinal) || text.Contains('县', StringComparison.Ordinal))
        {
            return levelText?.Contains("市级", StringComparison.Ordinal) == true ? DocumentLevel.Municipal : DocumentLevel.District;
        }

        return text.Contains('市', StringComparison.Ordinal) ? DocumentLevel.Municipal : DocumentLevel.Unknown;
    }

    /// <summary>A reply or policy letter ends with the issuing office's name and the date.</summary>
    private static string? SignatureIssuer(List<string> lines, DocumentKind kind)
    {
        if (kind is not (DocumentKind.Reply or DocumentKind.Policy) || lines.Count < 3)
        {
            return null;
        }

        for (var i = lines.Count - 1; i >= Math.Max(0, lines.Count - 4); i--)
        {
            if (DatePattern().IsMatch(lines[i]) && i > 0 && lines[i - 1].Length <= 40 && (lines[i - 1].EndsWith('局') || lines[i - 1].EndsWith("委员会", StringComparison.Ordinal) || lines[i - 1].EndsWith("政府", StringComparison.Ordinal) || lines[i - 1].EndsWith('办')))
            {
                return lines[i - 1];
            }
        }

        return null;
    }

    private static string? LawIssuer(List<string> lines)
    {
        foreach (var line in lines.Skip(1).Take(6))
        {
            var m = Regex.Match(line, @"\d{1,2}日\s*(?<body>\S+?(人民代表大会常务委员会|人民代表大会|国务院|委员会|人民法院|人民检察院|部|局))");
            if (m.Success)
            {
                return Regex.Replace(m.Groups["body"].Value, "第[一二三四五六七八九十]+届", string.Empty);
            }
        }

        return null;
    }

    /// <summary>The last line that is only a date: how letters and articles sign off.</summary>
    private static DateOnly? LastStandaloneDate(List<string> lines)
    {
        foreach (var line in lines.TakeLast(4).Reverse())
        {
            var m = DatePattern().Match(line);
            if (m.Success && m.Length >= line.Length - 2)
            {
                return ToDate(m);
            }
        }

        return null;
    }

    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var m = DatePattern().Match(text);
        return m.Success ? ToDate(m) : null;
    }

    private static DateOnly? ToDate(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => v.Length > 0 && v.Trim('—', '-').Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static string? FirstWord(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Split([' ', '收', '编'], 2)[0].Trim();

    private static string? AuthorOf(List<string> lines, string? field)
    {
        if (!string.IsNullOrWhiteSpace(field))
        {
            return field;
        }

        foreach (var line in lines.TakeLast(5))
        {
            var m = Regex.Match(line, @"^(作者|記者|记者)\s*(?<name>.{2,30})$");
            if (m.Success)
            {
                return m.Groups["name"].Value.Trim();
            }

            var reporter = Regex.Match(line, @"^[(（](?<name>.*(記者|记者).*)[)）]$");
            if (reporter.Success)
            {
                return reporter.Groups["name"].Value.Trim();
            }
        }

        return null;
    }
}
