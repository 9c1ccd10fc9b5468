using InnoCluster.Features.Documents;
using InnoCluster.Text;

namespace InnoCluster.Tests.Documents;

/// <summary>The headings a paragraph stands under, as paragraph search weighs them.</summary>
public sealed class ParagraphHeadingsTests
{
    private const string Law = """
        中华人民共和国劳动合同法

        第一章 总则

        第一条 为了完善劳动合同制度，制定本法。

        第四章 劳动合同的解除和终止

        第一节 协商解除

        第三十六条 用人单位与劳动者协商一致，可以解除劳动合同。

        第五章 特别规定

        第五十七条 经营劳务派遣业务应当具备下列条件。
        """;

    [Theory]
    [InlineData("第一条", "总则")]
    [InlineData("第三十六条", "劳动合同的解除和终止\n协商解除")]
    [InlineData("第五十七条", "特别规定")] // a new chapter ends the last one's section
    [InlineData("中华人民共和国劳动合同法", "")] // above every heading
    public void ALawsArticle_StandsUnderItsChapterAndSection_NotUnderItsOwnLine(string paragraphOpening, string expected)
    {
        Assert.Equal(expected, ParagraphHeadings.Above(HeadingsOf(Law), Law.IndexOf(paragraphOpening, StringComparison.Ordinal)));
    }

    [Fact]
    public void APlansParagraph_StandsUnderItsPartAndSubPart()
    {
        const string plan = """
            三、重点任务

            （一）加快算力基础设施建设。

            建设公共算力服务平台，降低企业用算成本。

            四、保障措施
            """;

        Assert.Equal("重点任务\n加快算力基础设施建设", ParagraphHeadings.Above(HeadingsOf(plan), plan.IndexOf("建设公共", StringComparison.Ordinal)));
        Assert.Equal("保障措施", ParagraphHeadings.Above(HeadingsOf(plan), plan.IndexOf("四、", StringComparison.Ordinal)));
    }

    private static List<ParagraphHeadings.Heading> HeadingsOf(string text) =>
        [.. Outline.Parse(text).Select(e => new ParagraphHeadings.Heading(e.Level, e.Start, e.Title))];
}
