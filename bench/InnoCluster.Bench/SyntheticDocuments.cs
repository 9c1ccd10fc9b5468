using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Text;

namespace InnoCluster.Bench;

/// <summary>
/// Documents for the library benchmark, built from the paragraphs of the five source documents with
/// varied content: paragraphs drawn and ordered at random, cities, districts, years and figures changed,
/// one in five in traditional script as 001 and 002 are. Deterministic for a given count.
/// </summary>
public static partial class SyntheticDocuments
{
    private static readonly string[] Cities = ["苏州", "无锡", "常州", "南京", "南通", "杭州", "宁波", "合肥", "嘉兴", "扬州"];
    private static readonly string[] Districts = ["工业园区", "高新区", "吴中区", "相城区", "吴江区", "昆山市", "张家港市", "常熟市", "太仓市", "姑苏区", "新吴区", "滨湖区"];
    private static readonly string[] Topics = ["人工智能产业创新集群", "应用场景示范项目", "算力基础设施", "智能网联汽车", "工业互联网", "低空经济", "具身智能机器人", "大模型应用", "数据要素市场", "智能传感器", "首版次软件", "揭榜挂帅项目", "专精特新企业培育", "科技成果转化", "人才引育", "元宇宙产业"];
    private static readonly string[] PolicyKinds = ["若干措施", "实施意见", "行动计划", "管理办法", "申报通知"];
    private static readonly string[] Issuers = ["工业和信息化局", "科学技术局", "发展和改革委员会", "人民政府办公室", "数据局"];

    [GeneratedRegex(@"20[12]\d")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<![\d.])\d{2,4}(?=\s*(?:家|个|亿元|万元|项|所|P))")]
    private static partial Regex Figure();

    public static IReadOnlyList<string> SourceParagraphs()
    {
        var folder = Path.Combine(BenchHost.RepositoryRoot, "data", "seed", "documents");
        return Directory.GetFiles(folder).Order(StringComparer.Ordinal).SelectMany(path =>
        {
            var clean = WebPageCleaner.Clean(DocumentReader.Read(Path.GetFileName(path), File.ReadAllBytes(path)).Text);
            return DocumentIngestion.Passages(clean).Select(p => TextNormalizer.Normalize(clean.Substring(p.Start, p.Length)).Length > 30 ? clean.Substring(p.Start, p.Length) : null)
                .OfType<string>();
        }).ToList();
    }

    /// <summary>The i-th document: a file name and its text (a policy with a number, a reply or a news item).</summary>
    public static (string FileName, string Text) Build(int i, IReadOnlyList<string> paragraphs)
    {
        var random = new Random(i * 7919 + 17);
        var city = Cities[random.Next(Cities.Length)];
        var district = Districts[random.Next(Districts.Length)];
        var topic = Topics[random.Next(Topics.Length)];
        var year = 2018 + random.Next(9);
        var body = new StringBuilder();
        var kind = random.Next(3);
        string title;
        if (kind == 0)
        {
            var issuer = city + "市" + Issuers[random.Next(Issuers.Length)];
            title = $"{city}市关于{topic}的{PolicyKinds[random.Next(PolicyKinds.Length)]}";
            // Real serial numbers have at most four digits: a series character keeps 100k numbers apart.
            body.Append(title).Append("\n\n").Append(CultureInfo.InvariantCulture, $"{city}{"工科发数"[random.Next(4)]}{"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"[i / 9000 % 20]}〔{year}〕{(i % 9000) + 1}号").Append("\n\n");
            body.Append("发文单位:").Append(issuer).Append('\n').Append("状态:").Append(random.Next(5) == 0 ? "失效" : "有效").Append("\n\n");
        }
        else if (kind == 1)
        {
            title = $"对{district}政协第{i + 1}号提案关于{topic}的答复函";
            body.Append(title).Append("\n\n").Append("信息索引号 ").Append(CultureInfo.InvariantCulture, $"{10000000 + i}/{year}-{i % 10000:00000}").Append(" 公开日期 ").Append(CultureInfo.InvariantCulture, $"{year}-{1 + random.Next(12):00}-{1 + random.Next(28):00}").Append("\n\n");
        }
        else
        {
            title = $"{city}{district}:{topic}跑出加速度({i + 1})";
            body.Append(title).Append("\n\n").Append("来源:").Append(city).Append("日报").Append("\n\n");
        }

        var count = 6 + random.Next(9);
        for (var k = 0; k < count; k++)
        {
            var paragraph = paragraphs[random.Next(paragraphs.Count)];
            paragraph = paragraph.Replace("苏州", city, StringComparison.Ordinal).Replace("蘇州", city, StringComparison.Ordinal)
                .Replace("工业园区", district, StringComparison.Ordinal).Replace("園區", district, StringComparison.Ordinal);
            paragraph = Year().Replace(paragraph, _ => (2018 + random.Next(9)).ToString(CultureInfo.InvariantCulture));
            paragraph = Figure().Replace(paragraph, m => (int.Parse(m.Value, CultureInfo.InvariantCulture) * (50 + random.Next(100)) / 100 + 1).ToString(CultureInfo.InvariantCulture));
            body.Append(paragraph).Append("\n\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"{year}年{1 + random.Next(12)}月{1 + random.Next(28)}日\n");
        var text = body.ToString();
        return ($"bench-{i:000000}.txt", text);
    }
}
