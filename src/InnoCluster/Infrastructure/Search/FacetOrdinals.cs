using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace InnoCluster.Infrastructure.Search;

/// <summary>
/// A segment's facet values as plain arrays, read once per segment and field: the ordinals of document d are
/// <c>Ordinals[Starts[d] .. Starts[d + 1])</c>. Counting a search that matches most of a large index reads these
/// instead of decoding the doc values' packed blocks for every match and field. Segments never change, so the
/// arrays live as long as their segment's core.
/// </summary>
internal sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetOrdinals?>> BySegment = new();

    private FacetOrdinals(int[] starts, int[] ordinals)
    {
        Starts = starts;
        Ordinals = ordinals;
    }

    public int[] Starts { get; }

    public int[] Ordinals { get; }

    /// <summary>The field's ordinals in this segment, or null when no document of it has the field.</summary>
    public static FacetOrdinals? Of(AtomicReader segment, string field) =>
        BySegment.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, FacetOrdinals?>(StringComparer.Ordinal))
            .GetOrAdd(field, f => Read(segment, f));

    private static FacetOrdinals? Read(AtomicReader segment, string field)
    {
        if (segment.GetSortedSetDocValues(field) is not { } values)
        {
            return null;
        }

        var starts = new int[segment.MaxDoc + 1];
        var ordinals = new List<int>(segment.MaxDoc);
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                ordinals.Add((int)ord);
            }
        }

        starts[segment.MaxDoc] = ordinals.Count;
        return new FacetOrdinals(starts, [.. ordinals]);
    }
}
