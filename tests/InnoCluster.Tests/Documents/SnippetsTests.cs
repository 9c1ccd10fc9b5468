using InnoCluster.Features.Documents;
using InnoCluster.Text;

namespace InnoCluster.Tests.Documents;

public class SnippetsTests
{
    [Fact]
    public void AWordAndItsParts_AreMarkedOnce_AsTheWholeWord_EveryTimeItStands()
    {
        var text = string.Concat(Enumerable.Repeat("发展人工智能产业，人工与智能并重。\n", 300));
        var terms = SearchAnalyzer.Default.QueryTerms("人工智能");

        var parts = Snippets.Mark(text, terms);

        Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
        var marked = parts.Where(p => p.Hit).Select(p => p.Text).ToList();
        Assert.Equal(300, marked.Count(m => m == "人工智能"));
        Assert.Equal(600, marked.Count(m => m is "人工" or "智能"));
        Assert.Equal(900, marked.Count);
    }

    [Fact]
    public void TheAnsweringLine_IsTheOneHoldingMostOfTheWords_InALongText()
    {
        var lines = Enumerable.Range(0, 2000).Select(i => i == 1234 ? "第1234行：企业申请算力补贴的条件" : $"第{i}行：企业").ToList();
        var text = string.Join('\n', lines);

        var answer = Snippets.Answering(text, SearchAnalyzer.Default.QueryTerms("算力补贴 企业"));

        Assert.NotNull(answer);
        Assert.Equal(text.IndexOf("第1234行", StringComparison.Ordinal), answer.Start);
        Assert.Equal(answer.Start + lines[1234].Length, answer.End);
    }
}
