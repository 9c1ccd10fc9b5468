using InnoCluster.Tests.Infrastructure;
using InnoCluster.Text;

namespace InnoCluster.Tests.Text;

/// <summary>Names in the order a Chinese reader looks them up, and byte keys that a database orders the same way.</summary>
public sealed class PinyinOrderTests
{
    [Fact]
    public void Names_SortByPinyin_NotByCodePoint()
    {
        string[] names = ["中科曙光", "阿里云", "北京智源", "重庆长安", "科大讯飞", "苏州科达", "无锡雪浪"];
        Assert.Equal(["阿里云", "北京智源", "重庆长安", "科大讯飞", "苏州科达", "无锡雪浪", "中科曙光"], names.Order(PinyinOrder.Comparer));
    }

    [Fact]
    public void ByteKeys_OrderAsTheCollationDoes()
    {
        List<string> names = ["长光华芯", "重庆长安", "阿里云", "ABC科技", "123智能", "银行", "行业协会"];
        var seedNames = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Seed, "enterprises.json")))!.AsArray()
            .Select(e => e!["name"]!.GetValue<string>()).ToList();
        names.AddRange(seedNames);
        Assert.True(names.Count > 40);
        var byKey = names.OrderBy(PinyinOrder.KeyOf, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();
        Assert.Equal(names.Order(PinyinOrder.Comparer), byKey);
    }
}
