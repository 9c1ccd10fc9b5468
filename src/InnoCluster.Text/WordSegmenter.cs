using System.Text;

namespace InnoCluster.Text;

/// <summary>
/// Chinese word segmentation in jieba's way: a DAG of every dictionary word starting at each
/// character, and the route of maximum probability through it (jieba's cut with HMM off), over
/// jieba's own dictionary plus the AI-industry lexicon. Hand-written because jieba.NET is not on
/// the package mirror; on the sentences checked it gives Python jieba 0.42.1's words.
/// Input must be normalised text (<see cref="TextNormalizer"/>).
/// </summary>
public sealed class WordSegmenter
{
    private const int LexiconDefaultFrequency = 3000;

    private readonly Dictionary<string, int> _frequencies;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly double _logTotal;

    private WordSegmenter(Dictionary<string, int> frequencies, long total)
    {
        _frequencies = frequencies;
        _lookup = frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
        _logTotal = Math.Log(total);
    }

    private static readonly Lazy<WordSegmenter> DefaultInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The segmenter over jieba's dictionary and the lexicon; loads once (about half a second).</summary>
    public static WordSegmenter Default => DefaultInstance.Value;

    public int WordCount => _frequencies.Count(kv => kv.Value > 0);

    public bool IsWord(ReadOnlySpan<char> text) => _lookup.TryGetValue(text, out var f) && f > 0;

    private static WordSegmenter Load()
    {
        var frequencies = new Dictionary<string, int>(600_000, StringComparer.Ordinal);
        long total = 0;

        void Add(string word, int frequency)
        {
            if (frequencies.TryGetValue(word, out var existing) && existing > 0)
            {
                total -= existing;
            }

            frequencies[word] = frequency;
            total += frequency;
            for (var i = 1; i < word.Length; i++)
            {
                frequencies.TryAdd(word[..i], 0);
            }
        }

        // Entries already in normalised (simplified, lower-case) form keep jieba's frequencies exactly;
        // traditional entries only add words the simplified ones lack.
        var deferred = new List<(string Word, int Frequency)>();
        foreach (var line in EmbeddedData.ReadLines("jieba-dict.txt.gz"))
        {
            var parts = line.Split(' ');
            if (parts.Length >= 2 && int.TryParse(parts[1], out var frequency))
            {
                var normalized = TextNormalizer.Normalize(parts[0]);
                if (string.Equals(normalized, parts[0], StringComparison.Ordinal))
                {
                    Add(normalized, frequency);
                }
                else
                {
                    deferred.Add((normalized, frequency));
                }
            }
        }

        foreach (var (word, frequency) in deferred)
        {
            if (frequencies.GetValueOrDefault(word) == 0)
            {
                Add(word, frequency);
            }
        }

        foreach (var raw in EmbeddedData.ReadLines("ai-industry-lexicon.txt"))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var frequency = parts.Length > 1 && int.TryParse(parts[1], out var f) ? f : LexiconDefaultFrequency;
            var word = TextNormalizer.Normalize(parts[0]);
            var current = frequencies.GetValueOrDefault(word);
            Add(word, Math.Max(current, frequency));
        }

        return new WordSegmenter(frequencies, total);
    }

    /// <summary>Splits normalised text into words (Han), Latin tokens, and skips punctuation and space.</summary>
    public IEnumerable<Token> Segment(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (TextNormalizer.IsHan(c))
            {
                var start = i;
                while (i < text.Length && TextNormalizer.IsHan(text[i]))
                {
                    i++;
                }

                foreach (var token in SegmentHan(text, start, i - start, excludeWhole: false))
                {
                    yield return token;
                }
            }
            else if (IsLatinOrDigit(c))
            {
                var start = i;
                i = ScanLatin(text, i);
                yield return new Token(text[start..i], start, i - start, TokenKind.Latin);
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsLatinOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or (>= 'A' and <= 'Z');

    /// <summary>Latin letters/digits, joined by single '-', '.', '+', '_' or '#' between alphanumerics.</summary>
    private static int ScanLatin(string text, int i)
    {
        while (i < text.Length)
        {
            if (IsLatinOrDigit(text[i]))
            {
                i++;
            }
            else if (text[i] is '-' or '.' or '+' or '_' or '#' && i + 1 < text.Length && IsLatinOrDigit(text[i + 1]))
            {
                i++;
            }
            else if (text[i] is '#' or '+' && (i + 1 == text.Length || !IsLatinOrDigit(text[i + 1])) && i > 0 && text[i - 1] == 'c')
            {
                i++; // c++ / c#
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private List<Token> SegmentHan(string text, int offset, int length, bool excludeWhole)
    {
        var sentence = text.AsSpan(offset, length);
        var dag = BuildDag(sentence);
        if (excludeWhole)
        {
            dag[0].Remove(length - 1);
            if (dag[0].Count == 0)
            {
                dag[0].Add(0);
            }
        }

        var route = new (double Score, int End)[length + 1];
        route[length] = (0, 0);
        for (var idx = length - 1; idx >= 0; idx--)
        {
            var best = (Score: double.NegativeInfinity, End: idx);
            foreach (var end in dag[idx])
            {
                var frequency = _lookup.TryGetValue(sentence[idx..(end + 1)], out var f) && f > 0 ? f : 1;
                var score = Math.Log(frequency) - _logTotal + route[end + 1].Score;
                if (score > best.Score)
                {
                    best = (score, end);
                }
            }

            route[idx] = best;
        }

        var words = new List<Token>();
        for (var x = 0; x < length;)
        {
            var y = route[x].End + 1;
            words.Add(new Token(text.Substring(offset + x, y - x), offset + x, y - x, TokenKind.Word));
            x = y;
        }

        return words;
    }

    /// <summary>The best route through a word when the word itself is not allowed as one piece.</summary>
    public IReadOnlyList<string> SegmentExcludingWhole(string word)
    {
        if (word.Length < 2 || !word.All(TextNormalizer.IsHan))
        {
            return [word];
        }

        return SegmentHan(word, 0, word.Length, excludeWhole: true).Select(t => t.Text).ToList();
    }

    private List<int>[] BuildDag(ReadOnlySpan<char> sentence)
    {
        var dag = new List<int>[sentence.Length];
        for (var k = 0; k < sentence.Length; k++)
        {
            var ends = new List<int>(4);
            var i = k;
            while (i < sentence.Length && _lookup.TryGetValue(sentence[k..(i + 1)], out var frequency))
            {
                if (frequency > 0)
                {
                    ends.Add(i);
                }

                i++;
            }

            if (ends.Count == 0)
            {
                ends.Add(k);
            }

            dag[k] = ends;
        }

        return dag;
    }

    /// <summary>Words joined by '/' — for tests and diagnostics.</summary>
    public string Explain(string text)
    {
        var builder = new StringBuilder();
        foreach (var token in Segment(TextNormalizer.Normalize(text)))
        {
            if (builder.Length > 0)
            {
                builder.Append('/');
            }

            builder.Append(token.Text);
        }

        return builder.ToString();
    }
}
