using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCluster.Bench;

/// <summary>
/// Generated enterprises in the office's spreadsheet format (Chinese headers), with valid credit codes,
/// the seed's districts and chain nodes, tiers and yearly figures. Deterministic for a given seed.
/// </summary>
public static class SyntheticRegistry
{
    private static readonly string[] Places = ["苏州", "昆山", "常熟", "张家港", "太仓", "吴江", "吴中", "相城", "姑苏", "无锡"];
    private static readonly string[] Syllables = ["智", "芯", "云", "图", "视", "语", "联", "创", "科", "瑞", "达", "源", "华", "星", "晟", "博", "通", "汇", "德", "鼎", "睿", "思", "明", "远", "航", "锐", "微", "特", "恒", "泰"];
    private static readonly string[] Trades = ["智能科技", "信息技术", "机器人", "半导体", "软件", "医疗科技", "自动驾驶科技", "数据科技", "光电", "传感技术"];
    private static readonly string[] Districts = ["工业园区", "张家港市", "常熟市", "太仓市", "昆山市", "吴江区", "吴中区", "相城区", "姑苏区", "苏州高新区"];
    private static readonly string[] Nodes = ["智能芯片", "智能传感器", "算力", "计算机视觉", "语音识别", "自然语言处理", "通用大模型", "垂直领域大模型", "工业机器人", "机器视觉检测", "智能仓储物流", "服务机器人", "医疗影像辅助诊断", "自动驾驶", "车联网与智能网联汽车", "智慧安防", "金融风控与智能征信", "工业软件与数字孪生", "数据中心与云计算", "生物计算与药物研发"];
    private static readonly string[] Tiers = ["高新技术企业", "专精特新(市级,2023)", "专精特新(省级,2022)", "瞪羚企业", "专精特新小巨人", "独角兽(培育)", "上市", "头雁培育企业"];

    /// <summary>Imports <paramref name="rows"/> generated firms through the office's import, as a bench's starting registry.</summary>
    public static async Task ImportAsync(IServiceProvider services, int rows)
    {
        var report = await services.GetRequiredService<InnoCluster.Features.Registry.Import.EnterpriseImport>()
            .RunAsync("bench.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv(rows))), null, dryRun: false, CancellationToken.None);
        if (!report.Applied)
        {
            throw new InvalidOperationException("bench import failed");
        }
    }

    public static string Csv(int rows, int seed = 20261122)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(rows * 160);
        builder.AppendLine("企业名称,统一社会信用代码,所属板块,产业链环节,企业梯队/类型,成立日期,营业收入(万元),研发投入(万元),从业人数,年度,主营业务");
        for (var i = 0; i < rows; i++)
        {
            var name = $"{Places[random.Next(Places.Length)]}{Syllables[random.Next(Syllables.Length)]}{Syllables[random.Next(Syllables.Length)]}{Trades[random.Next(Trades.Length)]}{i:D6}有限公司";
            var code = random.NextDouble() < 0.8 ? CreditCode(10_000_000 + i) : "";
            var node1 = Nodes[random.Next(Nodes.Length)];
            var nodes = random.NextDouble() < 0.4 ? $"{node1}；{Nodes[random.Next(Nodes.Length)]}" : node1;
            var tier = random.NextDouble() < 0.3 ? "\"" + Tiers[random.Next(Tiers.Length)] + "\"" : "";
            var established = new DateOnly(1995, 1, 1).AddDays(random.Next(0, 10_500));
            var revenue = Math.Round(random.NextDouble() * random.NextDouble() * 200_000, 1);
            var rd = Math.Round(revenue * (0.02 + (random.NextDouble() * 0.15)), 1);
            var employees = 5 + random.Next(0, 3000);
            var business = $"专注{node1}领域，提供{Nodes[random.Next(Nodes.Length)]}产品与解决方案";
            builder.Append(CultureInfo.InvariantCulture, $"{name},{code},{Districts[random.Next(Districts.Length)]},{nodes},{tier},{established:yyyy-MM-dd},{revenue},{rd},{employees},2024,{business}\n");
        }

        return builder.ToString();
    }

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static string CreditCode(int serial)
    {
        var org = serial.ToString("D8", CultureInfo.InvariantCulture);
        var orgSum = org.Select((c, i) => (c - '0') * OrganisationWeights[i]).Sum();
        var orgCheck = (11 - (orgSum % 11)) switch { 10 => 'X', 11 => '0', var n => (char)('0' + n) };
        var body = "91320594" + org + orgCheck;
        var sum = body.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * Weights[i]).Sum();
        return body + Alphabet[(31 - (sum % 31)) % 31];
    }
}
