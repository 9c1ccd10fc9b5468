using InnoCluster.Text;

namespace InnoCluster.Tests.Text;

/// <summary>Figures in running text as the five source documents write them, and the look-alikes that are not figures.</summary>
public sealed class FiguresTests
{
    [Theory]
    [InlineData("这次大会,共有上千名行业代表参会", 1000, "名", Qualifier.MoreThan)]
    [InlineData("数千家创新公司、风投等要素聚合", 1000, "家", Qualifier.MoreThan)]
    [InlineData("智算规模将突破20000P。", 20000, "p", Qualifier.MoreThan)]
    [InlineData("力争到2027年实现人工智能相关产业规模突破3000亿元。", 300_000_000_000, "元", Qualifier.MoreThan)]
    [InlineData("规划了超万架算力机架资源", 10_000, "架", Qualifier.MoreThan)]
    [InlineData("投入运营的无人配送车将增加一倍。", 1, "倍", Qualifier.Exact)]
    public void Find_ReadsTheFigure(string sentence, decimal value, string unit, Qualifier qualifier)
    {
        var figure = Assert.Single(Figures.Find(sentence));
        Assert.Equal((value, unit, qualifier), (figure.Quantity.Value, figure.Quantity.Unit, figure.Quantity.Qualifier));
    }

    [Theory]
    [InlineData("三位一体交互递进完善创新闭环")]
    [InlineData("专栏6 元宇宙产业培育重点工作")]
    [InlineData("常熟位居各类百强县榜单的前四位")]
    [InlineData("下一步,我区发展人工智能产业将从以下四个方面发力:")]
    public void Find_LeavesOutWhatIsNoFigure(string sentence) => Assert.Empty(Figures.Find(sentence));
}
