using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace InnoCluster.Infrastructure.Search;

/// <summary>Passes every hit to the top-page collector and counts the facet values of each, segment by segment.</summary>
internal sealed class FacetCountingCollector(ICollector inner, IReadOnlyList<string> facets) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[facets.Count];
    private readonly int[][] _segmentCounts = new int[facets.Count][];

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        inner.SetNextReader(context);
        for (var i = 0; i < facets.Count; i++)
        {
            _values[i] = context.AtomicReader.GetSortedSetDocValues(facets[i]);
            _segmentCounts[i] = new int[_values[i]?.ValueCount ?? 0L];
        }
    }

    public void Collect(int doc)
    {
        Total++;
        inner.Collect(doc);
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                _segmentCounts[i][ord]++;
            }
        }
    }

    public Dictionary<string, Dictionary<string, int>> Counts()
    {
        FlushSegment();
        return _counts;
    }

    private void FlushSegment()
    {
        var text = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            var counts = _counts[facets[i]];
            for (var ord = 0; ord < _segmentCounts[i].Length; ord++)
            {
                if (_segmentCounts[i][ord] > 0)
                {
                    values.LookupOrd(ord, text);
                    var key = text.Utf8ToString();
                    counts[key] = counts.GetValueOrDefault(key) + _segmentCounts[i][ord];
                }
            }

            _values[i] = null;
        }
    }
}
