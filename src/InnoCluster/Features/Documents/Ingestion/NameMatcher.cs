using InnoCluster.Text;

namespace InnoCluster.Features.Documents.Ingestion;

/// <summary>A registry name to look for in documents: an enterprise's or a carrier's.</summary>
public sealed record KnownName(string Name, int? EnterpriseId, int? CarrierId);

/// <summary>
/// Finds registry names in text: a trie over the normalised names, walked from every position, longest
/// name first, so 九识(苏州)智能科技有限公司 wins over 九识 and traditional forms match simplified names.
/// </summary>
public sealed class NameMatcher
{
    private sealed class Node
    {
        public Dictionary<char, Node> Next { get; } = [];

        public KnownName? Name { get; set; }
    }

    private readonly Node _root = new();

    public NameMatcher(IEnumerable<KnownName> names)
    {
        foreach (var name in names)
        {
            var key = TextNormalizer.Normalize(name.Name);
            if (key.Length < 2)
            {
                continue;
            }

            var node = _root;
            foreach (var c in key)
            {
                if (!node.Next.TryGetValue(c, out var next))
                {
                    node.Next[c] = next = new Node();
                }

                node = next;
            }

            node.Name ??= name;
        }
    }

    public sealed record Match(int Start, int Length, KnownName Name);

    /// <summary>Non-overlapping matches, positions in <paramref name="text"/> as written.</summary>
    public IReadOnlyList<Match> FindAll(string text)
    {
        var normalized = TextNormalizer.NormalizeWithOffsets(text);
        var n = normalized.Text;
        var matches = new List<Match>();
        for (var i = 0; i < n.Length;)
        {
            var node = _root;
            KnownName? best = null;
            var bestLength = 0;
            for (var j = i; j < n.Length && node.Next.TryGetValue(n[j], out node); j++)
            {
                if (node.Name is not null)
                {
                    best = node.Name;
                    bestLength = j - i + 1;
                }
            }

            if (best is null)
            {
                i++;
                continue;
            }

            if (n.AsSpan(i + bestLength).StartsWith("附属", StringComparison.Ordinal))
            {
                // 苏州大学附属儿童医院 is the hospital, not the university.
                i += bestLength;
                continue;
            }

            var (start, length) = normalized.ToOriginal(i, bestLength);
            matches.Add(new Match(start, length, best));
            i += bestLength;
        }

        return matches;
    }
}
