using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace InnoCluster.Infrastructure.Search;

/// <summary>Records holding the word in none of the fields searched.</summary>
internal sealed class WithoutWordFilter(string word, string[] fields) : Filter
{
    public string Word { get; } = word;

    public string[] Fields { get; } = fields;

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        var without = new FixedBitSet(reader.MaxDoc);
        without.Set(0, reader.MaxDoc);
        foreach (var field in Fields)
        {
            if (reader.GetTermDocsEnum(new Term(field, Word)) is { } holding)
            {
                without.AndNot(holding);
            }
        }

        return BitsFilteredDocIdSet.Wrap(without, acceptDocs);
    }

    public override bool Equals(object? obj) => obj is WithoutWordFilter other && other.Word == Word && other.Fields.SequenceEqual(Fields, StringComparer.Ordinal);

    public override int GetHashCode() => Word.GetHashCode(StringComparison.Ordinal);
}
