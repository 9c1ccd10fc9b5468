using InnoCluster.Text;

namespace InnoCluster.Tests.Text;

public class NormalizationTests
{
    [Theory]
    [InlineData("蘇州市人工智能產業實現營收", "苏州市人工智能产业实现营收")]
    [InlineData("人工智慧晶片", "人工智能芯片")]
    [InlineData("軟體資料庫", "软件数据库")]
    [InlineData("ＡＩ　５Ｇ", "ai 5g")]
    [InlineData("乾隆年間天氣乾燥", "乾隆年间天气干燥")] // the longest key wins: 乾隆 is a phrase kept as written, 乾 alone becomes 干
    public void Normalize_FoldsScriptWidthAndCase(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("核心技术攻关", "核心技术攻关")]
    [InlineData("智慧城市", "智慧城市")]
    [InlineData("应用程序", "应用程序")]
    [InlineData("政府文件", "政府文件")]
    [InlineData("整合资源", "整合资源")]
    [InlineData("演算法與伺服器", "算法与服务器")]
    public void Normalize_LeavesMainlandWordsThatTaiwanPhrasesWouldRewrite(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void NormalizeWithOffsets_MapsBackToTheOriginal()
    {
        var text = TextNormalizer.NormalizeWithOffsets("研發人工智慧晶片。");
        var start = text.Text.IndexOf("芯片", StringComparison.Ordinal);
        var (origStart, origLength) = text.ToOriginal(start, 2);
        Assert.Equal("晶片", text.Original.Substring(origStart, origLength));
    }

    [Theory]
    [InlineData("創(chuàng)新發(fā)展", "創新發展")]
    [InlineData("產(chǎn)業(yè)", "產業")]
    [InlineData("生物和信息融合技術(ITBT)", "生物和信息融合技術(ITBT)")]
    [InlineData("高功率(10W以上)", "高功率(10W以上)")]
    [InlineData("人工智能(ai)", "人工智能(ai)")]
    public void RemovePinyin_DropsOnlyToneMarkedPinyinAfterHan(string input, string expected) =>
        Assert.Equal(expected, ConversionArtefacts.RemovePinyin(input));

    [Fact]
    public void RemovePinyin_Seed001_LeavesNoArtefact()
    {
        var raw = File.ReadAllText(Path.Combine(InnoCluster.Tests.Infrastructure.TestPaths.SeedDocuments, "001_3d025acabf282a01.txt"));
        Assert.True(ConversionArtefacts.CountPinyin(raw) > 400);
        var cleaned = ConversionArtefacts.RemovePinyin(raw);
        Assert.Equal(0, ConversionArtefacts.CountPinyin(cleaned));
        Assert.Contains("創新", cleaned, StringComparison.Ordinal);
        Assert.Contains("產業", cleaned, StringComparison.Ordinal);
    }
}
