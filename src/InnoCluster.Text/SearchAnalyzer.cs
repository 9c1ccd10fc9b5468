namespace InnoCluster.Text;

/// <summary>
/// Turns text into search terms, the same way for documents and queries (research/chinese-search.md:
/// consistency matters more than segmentation accuracy). Index side: words, the shorter dictionary
/// words and bigrams inside long words (so 芯片 finds 智能芯片), bigrams over runs of unknown single characters
/// (so names the dictionary lacks, such as 九识, are still found), and Latin tokens whole and in parts.
/// Query side: the words only, so 低空经济 asks for 低空经济 and not for every 经济.
/// </summary>
public sealed class SearchAnalyzer
{
    private readonly WordSegmenter _segmenter;

    public SearchAnalyzer(WordSegmenter segmenter) => _segmenter = segmenter;

    public static SearchAnalyzer Default { get; } = new(WordSegmenter.Default);

    /// <summary>Words that make a query a question — interrogatives and particles — and that no answer needs to hold. Not words that can carry meaning (作为 is also 不作为).</summary>
    public static IReadOnlySet<string> QuestionWords { get; } = new[]
    {
        "是否", "是不是", "能否", "可否", "能不能", "可不可以", "什么", "怎么", "怎么样", "怎样", "如何", "哪些", "哪个", "哪里", "多少",
        "为什么", "为何", "请问", "有没有", "怎么办", "多久", "多长时间", "啥", "吗", "呢", "吧",
    }.Select(TextNormalizer.Normalize).ToHashSet(StringComparer.Ordinal); // as the query's tokens are: normalised

    /// <summary>From this many terms on a query reads as a question even without a question word (网购商品七天无理由退货).</summary>
    public const int QuestionLength = 4;

    /// <summary>
    /// Whether a query is a question rather than keywords: it has a question word or mark, or at least
    /// <see cref="QuestionLength"/> terms. A question's words rarely all stand in its answer; keywords' words do (飞凤人才计划).
    /// </summary>
    public bool ReadsAsQuestion(string query, IReadOnlyList<QueryTerm> terms) =>
        terms.Count >= QuestionLength
        || terms.Count >= 2 && (query.TrimEnd().EndsWith('?') || query.TrimEnd().EndsWith('？')
            || Analyze(TextNormalizer.Normalize(query), forQuery: true).Any(t => QuestionWords.Contains(t.Text)));

    /// <summary>Terms to index, in text order, with their positions in the normalised text.</summary>
    public IReadOnlyList<Token> IndexTokens(string text) => Analyze(TextNormalizer.Normalize(text), forQuery: false);

    /// <summary>
    /// Terms a query asks for: every one must match (AND), in the order written. A long word also
    /// matches when all of its parts do (九识智能 finds 九识(苏州)智能), since the indexed text may
    /// have been segmented around it.
    /// </summary>
    public IReadOnlyList<QueryTerm> QueryTerms(string query)
    {
        var terms = new List<QueryTerm>();
        var tokens = Analyze(TextNormalizer.Normalize(query), forQuery: true);
        // A question's interrogatives and particles (是否, 多少, 吗 …) say nothing a document holds: dropped, unless they are all the query says.
        if (tokens.Any(t => !QuestionWords.Contains(t.Text)))
        {
            tokens = [.. tokens.Where(t => !QuestionWords.Contains(t.Text))];
        }

        foreach (var token in tokens)
        {
            if (terms.Exists(t => t.Text == token.Text))
            {
                continue;
            }

            IReadOnlyList<string> parts = [];
            if (token.Kind == TokenKind.Word && token.Length > 2)
            {
                parts = PartsOf(token.Text);
            }

            terms.Add(new QueryTerm(token.Text, parts));
        }

        return terms;
    }

    /// <summary>How the index would hold a word's text had the segmenter not kept it whole.</summary>
    private List<string> PartsOf(string word)
    {
        var pieces = _segmenter.SegmentExcludingWhole(word);
        if (pieces.Count < 2)
        {
            return [];
        }

        var analyzed = new List<string>();
        var singles = new List<string>();
        void Flush()
        {
            for (var i = 0; i + 1 < singles.Count; i++)
            {
                analyzed.Add(singles[i] + singles[i + 1]);
            }

            if (singles.Count == 1)
            {
                analyzed.Add(singles[0]);
            }

            singles.Clear();
        }

        foreach (var piece in pieces)
        {
            if (piece.Length == 1)
            {
                singles.Add(piece);
                continue;
            }

            Flush();
            analyzed.Add(piece);
        }

        Flush();
        // A lone single character is never indexed, so such a split cannot match: no alternative then.
        return analyzed.Any(a => a.Length < 2) ? [] : analyzed.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The terms of a text joined by spaces: the form stored in full-text indexes.</summary>
    public string IndexString(string text) => string.Join(' ', IndexTokens(text).Select(t => t.Text));

    public IReadOnlyList<Token> Analyze(string normalized, bool forQuery)
    {
        var result = new List<Token>();
        var singles = new List<Token>();

        void FlushSingles()
        {
            if (singles.Count >= 2)
            {
                for (var i = 0; i + 1 < singles.Count; i++)
                {
                    var a = singles[i];
                    var b = singles[i + 1];
                    result.Add(new Token(a.Text + b.Text, a.Start, b.Start + b.Length - a.Start, TokenKind.Bigram));
                }
            }

            singles.Clear();
        }

        foreach (var token in _segmenter.Segment(normalized))
        {
            if (token.Kind == TokenKind.Word && token.Length == 1)
            {
                if (singles.Count > 0 && singles[^1].Start + 1 != token.Start)
                {
                    FlushSingles();
                }

                singles.Add(token);
                continue;
            }

            FlushSingles();
            if (token.Kind == TokenKind.Latin)
            {
                result.Add(token);
                if (!forQuery)
                {
                    AddLatinParts(token, result);
                }

                continue;
            }

            if (!forQuery && token.Length > 2)
            {
                AddSubWords(token, result);
            }

            result.Add(token);
        }

        FlushSingles();
        return result;
    }

    /// <summary>
    /// Every bigram of a long word (so a name inside a lexicon word, 亿铸 in 亿铸科技, is still found)
    /// and its three-character dictionary words (科技园 in 苏州科技园区).
    /// </summary>
    private void AddSubWords(Token word, List<Token> result)
    {
        var text = word.Text.AsSpan();
        for (var i = 0; i + 2 <= text.Length; i++)
        {
            result.Add(new Token(text.Slice(i, 2).ToString(), word.Start + i, 2, TokenKind.SubWord));
        }

        if (text.Length > 3)
        {
            for (var i = 0; i + 3 <= text.Length; i++)
            {
                var gram = text.Slice(i, 3);
                if (_segmenter.IsWord(gram))
                {
                    result.Add(new Token(gram.ToString(), word.Start + i, 3, TokenKind.SubWord));
                }
            }
        }
    }

    private static void AddLatinParts(Token token, List<Token> result)
    {
        if (token.Text.IndexOfAny(['-', '.', '+', '_', '#']) < 0)
        {
            return;
        }

        var start = 0;
        for (var i = 0; i <= token.Text.Length; i++)
        {
            if (i == token.Text.Length || token.Text[i] is '-' or '.' or '+' or '_' or '#')
            {
                if (i > start)
                {
                    result.Add(new Token(token.Text[start..i], token.Start + start, i - start, TokenKind.LatinPart));
                }

                start = i + 1;
            }
        }
    }
}
