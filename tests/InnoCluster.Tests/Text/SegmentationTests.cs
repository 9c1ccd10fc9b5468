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
}
