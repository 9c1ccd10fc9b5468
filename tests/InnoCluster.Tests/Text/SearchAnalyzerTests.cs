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

    [Theory]
    [InlineData("离婚冷静期是多少天", true)] // a question word
    [InlineData("电子签名法 效力？", true)] // a question mark
    [InlineData("网购商品七天无理由退货", true)] // four words or more
    [InlineData("飞凤人才计划", false)] // a name: every word asked for
    [InlineData("人工智能 产业", false)]
    [InlineData("什么", false)] // one word: nothing to rank by coverage
    public void ReadsAsQuestion_QuestionWordsMarksOrLength(string query, bool question) =>
        Assert.Equal(question, SearchAnalyzer.Default.ReadsAsQuestion(query, SearchAnalyzer.Default.QueryTerms(query)));

    [Fact]
    public void Normalize_MainlandMe_StaysAsWritten()
    {
        // OpenCC's Taiwan-variant table reads 么 as a variant of 幺; on the mainland it is 什么's 么.
        Assert.Equal("怎么办什么", TextNormalizer.Normalize("怎么办什么"));
        Assert.DoesNotContain(TextNormalizer.Normalize("怎么办"), SearchAnalyzer.Default.QueryTerms("离婚后孩子怎么办").Select(t => t.Text));
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
