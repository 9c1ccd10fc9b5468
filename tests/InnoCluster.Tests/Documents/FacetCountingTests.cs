using InnoCluster.Infrastructure.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace InnoCluster.Tests.Documents;

/// <summary>Facet counts as the library's filters show them: every match counted under each of its values, across segments.</summary>
public sealed class FacetCountingTests
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    [Fact]
    public void EveryMatch_IsCountedUnderEachOfItsValues_InEverySegment()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))))
        {
            // Two segments; documents with no value, one value and several.
            Add(writer, "算力", ["产业扶持政策", "人工智能产业"], ["资金奖励"]);
            Add(writer, "算力", ["人工智能产业"], []);
            writer.Commit();
            Add(writer, "算力", [], ["资金奖励", "贷款贴息"]);
            Add(writer, "芯片", ["产业扶持政策"], ["贷款贴息"]);
            Add(writer, "算力", ["产业扶持政策", "人工智能产业", "数字经济"], ["贷款贴息"]);
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(2, reader.Leaves.Count);
        var searcher = new IndexSearcher(reader);
        var counting = new FacetCountingCollector(TopScoreDocCollector.Create(10, true), ["category", "method"]);
        searcher.Search(new TermQuery(new Term("body", "算力")), counting);

        var counts = counting.Counts();
        Assert.Equal(4, counting.Total);
        Assert.Equal(new Dictionary<string, int> { ["产业扶持政策"] = 2, ["人工智能产业"] = 3, ["数字经济"] = 1 }, counts["category"]);
        Assert.Equal(new Dictionary<string, int> { ["资金奖励"] = 2, ["贷款贴息"] = 2 }, counts["method"]);
    }

    [Fact]
    public void AnAnyWordQueryScoredOutOfOrder_CountsEveryMatchOnce()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))))
        {
            Add(writer, "算力 芯片", ["产业扶持政策"], ["资金奖励"]);
            Add(writer, "算力", ["人工智能产业"], []);
            writer.Commit();
            Add(writer, "芯片", ["人工智能产业"], ["贷款贴息"]);
            Add(writer, "数据", ["产业扶持政策"], ["贷款贴息"]);
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        // As the search indexes collect: hits may come out of order, so Lucene scores the disjunction a window at a time.
        var counting = new FacetCountingCollector(TopScoreDocCollector.Create(10, docsScoredInOrder: false), ["category", "method"]);
        Assert.True(counting.AcceptsDocsOutOfOrder);
        var any = new BooleanQuery { { new TermQuery(new Term("body", "算力")), Occur.SHOULD }, { new TermQuery(new Term("body", "芯片")), Occur.SHOULD } };
        new IndexSearcher(reader).Search(any, counting);

        var counts = counting.Counts();
        Assert.Equal(3, counting.Total);
        Assert.Equal(new Dictionary<string, int> { ["产业扶持政策"] = 1, ["人工智能产业"] = 2 }, counts["category"]);
        Assert.Equal(new Dictionary<string, int> { ["资金奖励"] = 1, ["贷款贴息"] = 1 }, counts["method"]);
    }

    private static void Add(IndexWriter writer, string body, string[] categories, string[] methods)
    {
        var document = new Document { new TextField("body", body, Field.Store.NO) };
        foreach (var (field, values) in new[] { ("category", categories), ("method", methods) })
        {
            foreach (var value in values)
            {
                document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
            }
        }

        writer.AddDocument(document);
    }
}
