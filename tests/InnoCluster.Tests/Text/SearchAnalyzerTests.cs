using InnoCluster.Text;

namespace InnoCluster.Tests.Text;

public class SearchAnalyzerTests
{
    private static List<string> IndexTerms(string text) => SearchAnalyzer.Default.IndexTokens(text).Select(t => t.Text).ToList();

    [Fact]
    public void IndexTokens_CompoundWord_AlsoIndexesItsDictionaryWords()
    {
        var terms = IndexTerms("布局研发面向终端应用的智能芯片");
        Assert.Contains("智能芯片", terms);
        Assert.Contains("芯片", terms); // so the query 芯片 finds 智能芯片
        Assert.Contains("智能", terms);
    }

    [Fact]
    public void QueryTerms_LowAltitudeEconomy_AsksForTheWholeWordOrItsPartsTogether()
    {
        var term = Assert.Single(SearchAnalyzer.Default.QueryTerms("低空经济"));
        Assert.Equal("低空经济", term.Text);
        Assert.Equal(["低空", "经济"], term.Parts); // both, and near each other: never 经济 alone
    }

    [Fact]
    public void IndexTokens_UnknownName_IsIndexedAsBigrams()
    {
        // 亿铸 is in no dictionary (亿铸科技 is, in the lexicon): the index holds the bigram a query for 亿铸 produces.
        var terms = IndexTerms("引进和培育了以億鑄科技为代表的企业");
        Assert.Contains("亿铸", terms);
        var query = SearchAnalyzer.Default.QueryTerms("亿铸");
        Assert.Equal("亿铸", Assert.Single(query).Text);
    }

    [Theory]
    [InlineData("个人独资企业的投资人对企业债务承担什么责任？", "什么")]
    [InlineData("电子签名是否具有法律效力", "是否")]
    [InlineData("高新技术企业研发费用能加计扣除多少", "多少")]
    public void QueryTerms_AQuestionsInterrogatives_AreNotAskedFor(string question, string interrogative)
    {
        var terms = SearchAnalyzer.Default.QueryTerms(question).Select(t => t.Text).ToList();
        Assert.DoesNotContain(TextNormalizer.Normalize(interrogative), terms);
        Assert.True(terms.Count >= 2, string.Join(" ", terms));
    }

    [Fact]
    public void QueryTerms_OnlyInterrogatives_AreKept()
    {
        Assert.Equal([TextNormalizer.Normalize("什么")], SearchAnalyzer.Default.QueryTerms("什么").Select(t => t.Text));
    }

    [Fact]
    public void QueryTerms_FullWidthAndTraditional_AreNormalised()
    {
        var terms = SearchAnalyzer.Default.QueryTerms("ＤＦＭ－２ 人工智慧 晶片").Select(t => t.Text).ToList();
        Assert.Equal(["dfm-2", "人工智能", "芯片"], terms);
    }

    [Fact]
    public void IndexTokens_LatinWithPunctuation_IndexesWholeAndParts()
    {
        var terms = IndexTerms("DFM-2大模型");
        Assert.Contains("dfm-2", terms);
        Assert.Contains("dfm", terms);
        Assert.Contains("2", terms);
    }

    [Fact]
    public void QueryTerms_PunctuationOnly_IsEmpty() => Assert.Empty(SearchAnalyzer.Default.QueryTerms("，。、！"));
}
