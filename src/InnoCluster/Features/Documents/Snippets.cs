using InnoCluster.Text;
using InnoCluster.Infrastructure;

namespace InnoCluster.Features.Documents;

/// <summary>A piece of a snippet: text as written, and whether a query term matched it.</summary>
[FeatureContract]
public sealed record SnippetPart(string Text, bool Hit);

/// <summary>
/// Picks the passage of a text that best answers a query (most distinct terms, then most hits) and marks
/// the matched words in it — found in normalised text, marked in the text as written, so 人工智能 marks 人工智慧.
/// Returns parts, not HTML: pages render them encoded.
/// </summary>
[FeatureContract]
public static class Snippets
{
    public static IReadOnlyList<SnippetPart> Build(string text, IReadOnlyList<QueryTerm> terms, int width = 160)
    {
        if (text.Length == 0)
        {
            return [];
        }

        return Answering(text, terms, width) is { } answer ? answer.Parts : [Opening(text, width)];
    }

    /// <summary>The snippet and where its paragraph (line) starts and ends in the text, to open the document at it.</summary>
    public sealed record Answer(IReadOnlyList<SnippetPart> Parts, int Start, int End);

    /// <summary>The paragraph with the most distinct terms, then the most hits, as a snippet; null when no term occurs.</summary>
    public static Answer? Answering(string text, IReadOnlyList<QueryTerm> terms, int width = 160)
    {
        var hits = Hits(text, terms);
        if (hits.Count == 0)
        {
            return null;
        }

        // The line (paragraph) with the most distinct terms, then the most hits.
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int LineOf(int position) => lineStarts.BinarySearch(position) is var at && at >= 0 ? at : ~at - 1;
        var best = hits.GroupBy(h => LineOf(h.Start))
            .OrderByDescending(g => g.Select(h => h.Term).Distinct().Count()).ThenByDescending(g => g.Count()).First();
        var lineStart = lineStarts[best.Key];
        var lineEnd = best.Key + 1 < lineStarts.Count ? lineStarts[best.Key + 1] - 1 : text.Length;
        var firstHit = best.Min(h => h.Start);
        var windowStart = Math.Max(lineStart, Math.Min(firstHit - (width / 4), lineEnd - width));
        var windowEnd = Math.Min(lineEnd, windowStart + width);
        windowStart = Math.Max(lineStart, windowStart);

        var parts = new List<SnippetPart>();
        if (windowStart > lineStart)
        {
            parts.Add(new SnippetPart("…", false));
        }

        var cursor = windowStart;
        foreach (var hit in hits.Where(h => h.Start >= windowStart && h.Start + h.Length <= windowEnd).OrderBy(h => h.Start))
        {
            if (hit.Start < cursor)
            {
                continue;
            }

            if (hit.Start > cursor)
            {
                parts.Add(new SnippetPart(text[cursor..hit.Start], false));
            }

            parts.Add(new SnippetPart(text.Substring(hit.Start, hit.Length), true));
            cursor = hit.Start + hit.Length;
        }

        if (cursor < windowEnd)
        {
            parts.Add(new SnippetPart(text[cursor..windowEnd], false));
        }

        if (windowEnd < lineEnd)
        {
            parts.Add(new SnippetPart("…", false));
        }

        var paragraphStart = lineStart;
        while (paragraphStart < lineEnd && char.IsWhiteSpace(text[paragraphStart]))
        {
            paragraphStart++;
        }

        return new Answer(parts, paragraphStart, lineEnd);
    }

    /// <summary>The first line of some length, when no term occurs.</summary>
    private static SnippetPart Opening(string text, int width)
    {
        var first = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 20) ?? text;
        return new SnippetPart(first.Length > width ? first[..width] + "…" : first, false);
    }

    /// <summary>The whole text in parts, the query's words marked.</summary>
    public static IReadOnlyList<SnippetPart> Mark(string text, IReadOnlyList<QueryTerm> terms)
    {
        if (terms.Count == 0)
        {
            return [new SnippetPart(text, false)];
        }

        var parts = new List<SnippetPart>();
        var cursor = 0;
        foreach (var hit in Hits(text, terms).OrderBy(h => h.Start))
        {
            if (hit.Start > cursor)
            {
                parts.Add(new SnippetPart(text[cursor..hit.Start], false));
            }

            parts.Add(new SnippetPart(text.Substring(hit.Start, hit.Length), true));
            cursor = hit.Start + hit.Length;
        }

        if (cursor < text.Length)
        {
            parts.Add(new SnippetPart(text[cursor..], false));
        }

        return parts;
    }

    private sealed record Hit(int Start, int Length, string Term);

    /// <summary>Every occurrence of every term (or its parts), in the text as written.</summary>
    private static List<Hit> Hits(string text, IReadOnlyList<QueryTerm> terms)
    {
        var normalized = TextNormalizer.NormalizeWithOffsets(text);
        var n = normalized.Text;
        var hits = new List<Hit>();
        foreach (var term in terms)
        {
            foreach (var form in term.AllTexts.Distinct())
            {
                for (var at = n.IndexOf(form, StringComparison.Ordinal); at >= 0; at = n.IndexOf(form, at + form.Length, StringComparison.Ordinal))
                {
                    var (start, length) = normalized.ToOriginal(at, form.Length);
                    hits.Add(new Hit(start, length, term.Text));
                }
            }
        }

        // Longer matches first, so 人工智能 is one mark, not 人工 and 智能. The characters marked so far are kept
        // as bits: a long law holds a common word thousands of times, too many to compare each with every other.
        var kept = new List<Hit>();
        var marked = new System.Collections.BitArray(text.Length);
        foreach (var hit in hits.OrderByDescending(h => h.Length).ThenBy(h => h.Start))
        {
            var end = Math.Min(text.Length, hit.Start + hit.Length);
            var free = true;
            for (var i = hit.Start; i < end && free; i++)
            {
                free = !marked[i];
            }

            if (free)
            {
                for (var i = hit.Start; i < end; i++)
                {
                    marked[i] = true;
                }

                kept.Add(hit);
            }
        }

        return kept;
    }
}
