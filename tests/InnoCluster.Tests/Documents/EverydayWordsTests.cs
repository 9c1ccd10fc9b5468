using InnoCluster.Features.Documents;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;

namespace InnoCluster.Tests.Documents;

/// <summary>
/// Question understanding on its own: everyday words (社保, 驾照) also ask for the words laws write (社会保险,
/// 机动车驾驶证), marked with what they stand for; and a document's best paragraph counts in its rank.
/// </summary>
public sealed class EverydayWordsTests
{
    private static IReadOnlyList<QueryTerm> Terms(string query) => SearchAnalyzer.Default.QueryTerms(query);

    [Fact]
    public void TheEmbeddedList_Loads_AndAddsTheWrittenWords_MarkedWithTheEverydayWord()
    {
        Assert.True(EverydayWords.Default.Count >= 100, $"{EverydayWords.Default.Count} everyday words");

        var terms = EverydayWords.Default.Expand(Terms("公司不给员工交社保怎么处罚"));
        Assert.Equal(Terms("公司不给员工交社保怎么处罚").Select(t => t.Text), terms.Take(Terms("公司不给员工交社保怎么处罚").Count).Select(t => t.Text));
        Assert.Contains(terms, t => t.Text == "社会保险" && t.For == "社保");
        Assert.Contains(terms, t => t.Text == "劳动者" && t.For == "员工");
        Assert.DoesNotContain(terms, t => t.For is not null && Terms("公司不给员工交社保怎么处罚").Any(own => own.Text == t.Text));

        // Traditional script and full-width forms are read as the list writes them.
        Assert.Contains(EverydayWords.Default.Expand(Terms("醉駕吊銷駕照幾年")), t => t.For == "驾照");
    }

    [Fact]
    public void AnEverydayWordOfSeveralTerms_CountsOnlyWhenTheyStandTogether_AndAQueryWithoutOne_IsLeftAsItIs()
    {
        var words = EverydayWords.Parse(["# header", "员工聊天\t通信", "房东\t出租人 出租人"], SearchAnalyzer.Default);
        Assert.Equal(2, words.Count);
        Assert.Equal(["员工", "聊天"], Terms("员工聊天").Select(t => t.Text));

        Assert.Contains(words.Expand(Terms("员工聊天被公司监控违法吗")), t => t.Text == "通信" && t.For == "员工聊天");
        Assert.DoesNotContain(words.Expand(Terms("聊天的员工被监控")), t => t.For is not null);
        Assert.Single(words.Expand(Terms("房东不退押金")), t => t.Text == "出租人");

        var plain = Terms("人工智能产业 算力");
        Assert.Same(plain, words.Expand(plain));
    }

    [Theory]
    [InlineData("社保", "expected 2 tab-separated columns (everyday word, written words), found 1")]
    [InlineData("社保\t社会保险\t医保", "(everyday word, written words), found 3")]
    [InlineData("狗\t犬", "gives no search term")]
    [InlineData("社保\t社保", "adds no word")]
    public void ALineThatCouldNeverBeUsed_IsRefusedWithItsNumber(string line, string why)
    {
        var error = Assert.Throws<FormatException>(() => EverydayWords.Parse(["# header", line], SearchAnalyzer.Default));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentsBestParagraph_CountsInItsRank_AndOneFoundOnlyByItsParagraphs_JoinsUnlessFiltered()
    {
        // Document 1 scores best on its own; document 2 holds the paragraph that answers; document 3 is beyond the window.
        FacetedHit[] documents = [new(1, 10), new(2, 9), new(4, 8), new(3, 1)];
        QuestionParagraphs.Paragraph[] paragraphs = [new(20, 2, 6), new(21, 2, 5), new(10, 1, 1), new(30, 3, 5.5), new(50, 5, 3)];

        var ranked = QuestionParagraphs.RankDocuments(documents, paragraphs, first: 3, addFromParagraphs: true);
        Assert.Equal([2, 1, 3, 4, 5], ranked.Select(h => h.Id));
        Assert.Equal(0.9 + 1.0, ranked[0].Rank, 6);

        // With filters the paragraphs (not filtered) may not bring documents in; those further down keep their place.
        var filtered = QuestionParagraphs.RankDocuments(documents, paragraphs, first: 3, addFromParagraphs: false);
        Assert.Equal([2, 1, 4, 3], filtered.Select(h => h.Id));
    }
}
