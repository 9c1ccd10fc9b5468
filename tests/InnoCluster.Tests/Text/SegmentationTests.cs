using InnoCluster.Text;

namespace InnoCluster.Tests.Text;

public class SegmentationTests
{
    [Fact]
    public void Segment_ResearchSentence_MatchesJiebaWithDomainWords()
    {
        var words = WordSegmenter.Default.Explain("苏州工业园区人工智能产业创新集群行动计划支持智能芯片与机器视觉");
        Assert.Equal("苏州工业园区/人工智能/产业创新集群/行动计划/支持/智能芯片/与/机器视觉", words);
    }

    [Fact]
    public void Segment_Traditional_IsConvertedBeforeSegmenting()
    {
        Assert.Equal("苏州/人工智能/产业/实现/营收", WordSegmenter.Default.Explain("蘇州人工智能產業實現營收"));
    }

    [Theory]
    [InlineData("思必驰的对话式语言大模型DFM-2横空出世", "思必驰/的/对话/式/语言大模型/dfm-2/横空出世")]
    [InlineData("建设5G专网和IT+BT融合创新中心", "建设/5g/专网/和/it+bt/融合/创新中心")]
    [InlineData("低空经济被认为是下一个风口", "低空经济/被/认为/是/下/一个/风口")]
    public void Segment_MixedScripts_KeepsLatinTokensWhole(string text, string expected) =>
        Assert.Equal(expected, WordSegmenter.Default.Explain(text));

    [Fact]
    public void SegmentExcludingWhole_DomainWord_ReturnsItsParts() =>
        Assert.Equal(["九识", "智能"], WordSegmenter.Default.SegmentExcludingWhole("九识智能"));
}
