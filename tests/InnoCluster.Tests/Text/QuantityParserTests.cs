using InnoCluster.Text;

namespace InnoCluster.Tests.Text;

public class QuantityParserTests
{
    [Theory]
    [InlineData("一百二十", 120)]
    [InlineData("两千三百亿", 230_000_000_000)]
    [InlineData("五十亿", 5_000_000_000)]
    [InlineData("十二", 12)]
    [InlineData("三亿五千万", 350_000_000)]
    [InlineData("一万亿", 1_000_000_000_000)]
    [InlineData("二〇二五", 2025)]
    [InlineData("二十万零五", 200_005)]
    public void ChineseNumerals_Parse(string text, decimal expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(10, "十")]
    [InlineData(19, "十九")]
    [InlineData(100, "一百")]
    [InlineData(110, "一百一十")]
    [InlineData(1002, "一千零二")]
    [InlineData(1010, "一千零一十")]
    [InlineData(1062, "一千零六十二")]
    [InlineData(1100, "一千一百")]
    public void ChineseNumerals_Format_WritesNumbersAsLawsNumberArticles(int number, string expected) =>
        Assert.Equal(expected, ChineseNumerals.Format(number));

    [Fact]
    public void ChineseNumerals_Format_ReadsBackAsTheSameNumber()
    {
        for (var n = 1; n <= 9999; n++)
        {
            Assert.True(ChineseNumerals.TryParse(ChineseNumerals.Format(n), out var value) && value == n, $"{n} → {ChineseNumerals.Format(n)}");
        }
    }

    [Theory]
    [InlineData("2300亿元", 230_000_000_000, null, "元", Qualifier.Exact)]
    [InlineData("超2300亿元", 230_000_000_000, null, "元", Qualifier.MoreThan)]
    [InlineData("1.5亿", 150_000_000, null, "", Qualifier.Exact)]
    [InlineData("近1.5亿元", 150_000_000, null, "元", Qualifier.Nearly)]
    [InlineData("1-2家", 1.0, 2.0, "家", Qualifier.Range)]
    [InlineData("20个左右", 20, null, "个", Qualifier.About)]
    [InlineData("约3亿", 300_000_000, null, "", Qualifier.About)]
    [InlineData("不低于500万元", 5_000_000, null, "元", Qualifier.AtLeast)]
    [InlineData("最高1亿元", 100_000_000, null, "元", Qualifier.AtMost)]
    [InlineData("4.7万亿元", 4_700_000_000_000, null, "元", Qualifier.Exact)]
    [InlineData("14000P", 14000, null, "p", Qualifier.Exact)]
    [InlineData("500余家", 500, null, "家", Qualifier.MoreThan)]
    [InlineData("15个以上", 15, null, "个", Qualifier.AtLeast)]
    [InlineData("超五十亿", 5_000_000_000, null, "", Qualifier.MoreThan)]
    [InlineData("2,300亿元", 230_000_000_000, null, "元", Qualifier.Exact)]
    public void TryParse_ChineseFigures(string text, double value, double? upper, string unit, Qualifier qualifier)
    {
        Assert.True(QuantityParser.TryParse(text, out var q), text);
        Assert.Equal((decimal)value, q.Value);
        Assert.Equal(upper is null ? null : (decimal?)upper, q.UpperValue);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(qualifier, q.Qualifier);
    }

    [Fact]
    public void TryParse_MoneyColumnInWan_ScalesPlainNumbersOnly()
    {
        Assert.True(QuantityParser.TryParse("3500", out var plain, defaultMoneyFactor: 10_000, money: true));
        Assert.Equal(35_000_000m, plain.Value);
        Assert.True(QuantityParser.TryParse("约3亿", out var explicitMagnitude, defaultMoneyFactor: 10_000, money: true));
        Assert.Equal(300_000_000m, explicitMagnitude.Value); // 亿 written in the cell wins over the column's 万元
        Assert.True(explicitMagnitude.IsApproximate);
    }

    [Fact]
    public void TryParse_RangeWithOneMagnitude_AppliesItToBothEnds()
    {
        Assert.True(QuantityParser.TryParse("50-100万", out var q));
        Assert.Equal(500_000m, q.Value);
        Assert.Equal(1_000_000m, q.UpperValue);
    }

    [Theory]
    [InlineData("面议")]
    [InlineData("另行研究")]
    [InlineData("一事一议")]
    [InlineData("")]
    [InlineData("100-50")]
    public void TryParse_NotAFigure_IsRefusedNotGuessed(string text) => Assert.False(QuantityParser.TryParse(text, out _));
}
