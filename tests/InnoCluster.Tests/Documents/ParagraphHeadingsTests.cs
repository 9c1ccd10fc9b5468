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
    [InlineData("第一节 协商解除", "劳动合同的解除和终止")] // a heading line stands under its parent, not itself
    [InlineData("第五章 特别规定", "")] // nor under the chapter before it
    public void ALawsArticle_StandsUnderItsChapterAndSection_NotUnderItsOwnLine(string paragraphOpening, string expected)
    {
        Assert.Equal(expected, Above(Law, paragraphOpening));
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

        Assert.Equal("重点任务\n加快算力基础设施建设", Above(plan, "建设公共"));
        Assert.Equal("重点任务", Above(plan, "（一）加快")); // a sub-part's line: under its part
        Assert.Equal("", Above(plan, "四、")); // a new part: under nothing before it
    }

    [Fact]
    public void ADocumentsParagraphs_AtOnce_InAnyOrder_StandUnderTheSameHeadings()
    {
        var lines = Lines(Law).ToList();
        var headings = Outline.Parse(Law).Select(e => new ParagraphHeadings.Heading(e.Level, e.Start, e.Title)).ToList();
        lines.Reverse();

        var above = ParagraphHeadings.Above(headings, lines);

        Assert.Equal(
            ["特别规定", "", "劳动合同的解除和终止\n协商解除", "劳动合同的解除和终止", "", "总则", "", ""],
            above);
    }

    /// <summary>Each non-empty line of <paramref name="text"/> as [start, end), in order.</summary>
    private static IEnumerable<(int Start, int End)> Lines(string text)
    {
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Length;
            if (end > start)
            {
                yield return (start, end);
            }

            start = end + 1;
        }
    }

    /// <summary>The headings of the paragraph (a line, as ingestion splits them) that opens with <paramref name="opening"/>.</summary>
    private static string Above(string text, string opening)
    {
        var start = text.IndexOf(opening, StringComparison.Ordinal);
        var end = text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Length;
        var headings = Outline.Parse(text).Select(e => new ParagraphHeadings.Heading(e.Level, e.Start, e.Title)).ToList();
        return ParagraphHeadings.Above(headings, start, end);
    }
}
