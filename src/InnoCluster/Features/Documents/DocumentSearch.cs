using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using InnoCluster.Infrastructure.Web;

namespace InnoCluster.Features.Documents;

/// <summary>
/// Search over the document library in Chinese: filters (type, level, status, issuing body, year, 分类,
/// 支持方式, 支持产业), facet counts over the results, relevance or date order, and a snippet with the matched words marked. Also passage
/// search (paragraphs, for citing) and related documents.
/// </summary>
public sealed class DocumentSearch(InnoClusterDbContext db, ISearchDialect search, DocumentSearchIndex index, DocumentPassageIndex passageIndex, QuestionParagraphs paragraphs, DocumentSqlSearch sql, NamedLaws laws)
{
    public const int CountCap = DocumentSqlSearch.CountCap;

    /// <param name="Category">分类 as the documents write it.</param>
    /// <param name="Method">支持方式 as the documents write it.</param>
    /// <param name="Industry">支持产业 as the documents write it.</param>
    /// <param name="Sort">"relevance" (the default) or "date", newest first.</param>
    public sealed record Query(
        string? Q = null, string? Kind = null, string? Level = null, string? Status = null, string? Issuer = null, int? Year = null,
        string? Category = null, string? Method = null, string? Industry = null, string? Sort = null, int Page = 1, int PageSize = 10, bool Facets = true);

    public const string SortByDate = "date";

    public const string SortByRelevance = "relevance";

    /// <param name="Snippet">The paragraph that best answers the query, its words marked.</param>
    /// <param name="Answer">Where that paragraph is in the document and the article (第N条) it belongs to; null when no word stands in the text.</param>
    public sealed record Item(int Id, string Title, string Kind, string? DocumentNumber, string? IssuingBody, string Level, string Status, DateOnly? Date, int? Year, IReadOnlyList<SnippetPart> Snippet, double Rank, AnsweringParagraph? Answer = null);

    /// <param name="Article">第N条 as the law writes it, when the paragraph is in an article.</param>
    public sealed record AnsweringParagraph(int Start, int End, string? Article, int? ArticleNumber);

    public sealed record Facet(string Value, int Count);

    /// <param name="Relaxed">The documents hold some of the words, those holding more first: the query reads as a question, or no document holds every word.</param>
    /// <param name="Named">The laws the query names (民法典第一千零六十二条), with the article asked for; they come first by relevance.</param>
    public sealed record Result(Page<Item> Page, IReadOnlyDictionary<string, IReadOnlyList<Facet>> Facets, IReadOnlyList<string> Problems, IReadOnlyList<QueryTerm> Terms, bool Relaxed = false, NamedLaws.Found? Named = null);

    private sealed class Ranked
    {
        public int Id { get; init; }

        public double Rank { get; init; }
    }

    public async Task<Result> RunAsync(Query query, CancellationToken cancellationToken) =>
        await RunAsync(query, index.Enabled, cancellationToken);

    /// <summary>Runs the search on the Lucene index (embedded path) or in SQL (FTS5 / tsvector): one interface, the same answer.</summary>
    public async Task<Result> RunAsync(Query query, bool useSearchIndex, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 100);
        var filters = ParseFilters(query, problems);
        var terms = string.IsNullOrWhiteSpace(query.Q) ? [] : SearchAnalyzer.Default.QueryTerms(query.Q);
        if (problems.Count > 0 || (!string.IsNullOrWhiteSpace(query.Q) && terms.Count == 0))
        {
            if (terms.Count == 0 && !string.IsNullOrWhiteSpace(query.Q))
            {
                problems.Add("检索词过短（至少两个字或一个英文词） / the query needs at least two Chinese characters or one word");
            }

            return new Result(new Page<Item>([], 0, page, size), new Dictionary<string, IReadOnlyList<Facet>>(), problems, terms);
        }

        var engine = Engine(useSearchIndex);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var newestFirst = string.Equals(query.Sort, SortByDate, StringComparison.OrdinalIgnoreCase);
        var question = !string.IsNullOrEmpty(query.Q) && SearchAnalyzer.Default.ReadsAsQuestion(query.Q, terms);
        if (question && !newestFirst)
        {
            terms = EverydayWords.Default.Expand(terms);
        }

        var named = await laws.FindAsync(query.Q, cancellationToken);
        var (found, relaxed) = await FindAsync(engine, question, terms, filters, (page - 1) * size, size, query.Facets, newestFirst, named, weighParagraphs: true, cancellationToken);
        var engineTag = new KeyValuePair<string, object?>("engine", engine == index ? "lucene" : db.Provider.ToString().ToLowerInvariant());
        Infrastructure.Telemetry.InnoClusterMetrics.Searches.Add(1, engineTag);
        Infrastructure.Telemetry.InnoClusterMetrics.SearchDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, engineTag);
        var facets = query.Facets
            ? found.FacetCounts.ToDictionary(f => f.Key, f => (IReadOnlyList<Facet>)Top(f.Value.Select(c => new Facet(c.Key, c.Value)), FacetSizes[f.Key]))
            : new Dictionary<string, IReadOnlyList<Facet>>();
        var items = await LoadItemsAsync([.. found.Hits.Select(h => new Ranked { Id = h.Id, Rank = h.Rank })], terms, cancellationToken);
        return new Result(new Page<Item>(items, Math.Min(found.Total, CountCap), page, size, found.Total <= CountCap), facets, problems, terms, relaxed, named);
    }

    /// <summary>
    /// One page of hits from the engine. A list by date (and a followed search) keeps to documents holding every word.
    /// By relevance, a question (<see cref="SearchAnalyzer.ReadsAsQuestion"/>) lists the documents holding any of its
    /// words, more of them first, since a question's words rarely all stand in its answer; keywords ask for every word,
    /// unless no document holds them all. The engine gives its first <see cref="RerankWindow"/> at least; when relaxed,
    /// each is weighed with its best paragraph (<see cref="QuestionParagraphs"/>, when <paramref name="weighParagraphs"/>);
    /// the authority weight orders them (two-phase ranking); a law the query names comes first.
    /// </summary>
    private async Task<(FacetedResult Found, bool Relaxed)> FindAsync(
        IFacetedSearch engine, bool question, IReadOnlyList<QueryTerm> terms, Dictionary<string, string> filters, int skip, int size, bool facets, bool newestFirst, NamedLaws.Found named, bool weighParagraphs, CancellationToken cancellationToken)
    {
        if (newestFirst || terms.Count == 0)
        {
            return (await engine.SearchAsync(db, new FacetedQuery(terms, filters, skip, size, facets, newestFirst), cancellationToken), false);
        }

        var relaxed = question;
        var asked = new FacetedQuery(terms, filters, 0, Math.Max(RerankWindow, skip + size), facets, AnyTerm: relaxed);
        var paragraphsOfQuestion = question && weighParagraphs ? await paragraphs.StartAsync(terms, asAnswers: false, cancellationToken) : null;
        var found = await engine.SearchAsync(db, asked, cancellationToken);
        if (found.Total == 0 && !relaxed && terms.Count >= 2)
        {
            relaxed = true;
            found = await engine.SearchAsync(db, asked with { AnyTerm = true }, cancellationToken);
        }

        if (relaxed && weighParagraphs)
        {
            paragraphsOfQuestion ??= await paragraphs.StartAsync(terms, asAnswers: false, cancellationToken);
        }

        var hits = paragraphsOfQuestion is not null
            ? QuestionParagraphs.RankDocuments(found.Hits, await paragraphs.FinishAsync(paragraphsOfQuestion, cancellationToken), RerankWindow, addFromParagraphs: filters.Count == 0)
            : found.Hits;
        var ranked = NamedFirst(await RerankAsync(hits, cancellationToken), named, unfiltered: filters.Count == 0);
        // Only a named law the engine did not find adds to the total: a document its paragraphs brought up holds the words, so it is counted already.
        var added = ranked.Count - hits.Count;
        return (found with { Hits = ranked.Skip(skip).Take(size).ToList(), Total = found.Total + added }, relaxed);
    }

    /// <summary>The filters as field → value, the same for both engines; an unknown value is a problem, not a silent no-filter.</summary>
    private static Dictionary<string, string> ParseFilters(Query query, List<string> problems)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        void Parse<T>(string field, string? text, string chinese, string english)
            where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            if (Enum.TryParse<T>(text, ignoreCase: true, out var value))
            {
                filters[field] = value.ToString();
                return;
            }

            problems.Add($"{chinese}：{text} / {english} ({field}): {text}");
        }

        Parse<DocumentKind>("kind", query.Kind, "未知类型", "unknown kind");
        Parse<DocumentLevel>("level", query.Level, "未知级别", "unknown level");
        Parse<DocumentStatus>("status", query.Status, "未知状态", "unknown status");
        if (!string.IsNullOrWhiteSpace(query.Issuer))
        {
            filters["issuer"] = query.Issuer;
        }

        if (query.Year is { } year)
        {
            filters["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (field, value) in new[] { ("category", query.Category), ("method", query.Method), ("industry", query.Industry) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                filters[field] = value.Trim();
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Sort) && !string.Equals(query.Sort, SortByDate, StringComparison.OrdinalIgnoreCase) && !string.Equals(query.Sort, SortByRelevance, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"未知排序：{query.Sort}（可用 relevance 或 date） / unknown sort (sort): {query.Sort} (use relevance or date)");
        }

        return filters;
    }

    private static readonly Dictionary<string, int> FacetSizes = new() { ["kind"] = 10, ["level"] = 10, ["status"] = 10, ["issuer"] = 15, ["year"] = 20, ["category"] = 15, ["method"] = 10, ["industry"] = 15 };

    private static List<Facet> Top(IEnumerable<Facet> facets, int top) =>
        facets.Where(f => f.Value.Length > 0).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).Take(top).ToList();

    /// <summary>How many of the engine's best are ordered again with the authority weight; further pages keep the engine's order.</summary>
    public const int RerankWindow = 50;

    private async Task<IReadOnlyList<FacetedHit>> RerankAsync(IReadOnlyList<FacetedHit> hits, CancellationToken cancellationToken)
    {
        var window = hits.Take(RerankWindow).ToList();
        var weights = await AuthorityWeightsAsync(window.Select(h => h.Id).ToList(), cancellationToken);
        return window.Select((h, i) => (Hit: h with { Rank = h.Rank * weights.GetValueOrDefault(h.Id, 1.0) }, Index: i))
            .OrderByDescending(x => x.Hit.Rank).ThenBy(x => x.Index).Select(x => x.Hit)
            .Concat(hits.Skip(RerankWindow)).ToList();
    }

    /// <summary>
    /// The laws the query names before the rest: those holding the article asked for, else every named law found.
    /// Unfiltered, a law holding the asked article comes first even when the engine did not find it (民法典第1062条:
    /// the book writes 第一千零六十二条, not 1062), with the best rank found; with filters, only those found move,
    /// so a filter is never crossed.
    /// </summary>
    private static List<FacetedHit> NamedFirst(IReadOnlyList<FacetedHit> hits, NamedLaws.Found named, bool unfiltered)
    {
        var withArticle = named.Laws.Where(l => l.Start is not null).Select(l => l.DocumentId).Distinct().ToList();
        var order = withArticle.Count > 0 ? withArticle : named.Laws.Select(l => l.DocumentId).Distinct().ToList();
        var found = hits.ToDictionary(h => h.Id);
        var best = hits.Select(h => h.Rank).DefaultIfEmpty(1).Max();
        var first = order.Where(id => found.ContainsKey(id) || (unfiltered && withArticle.Count > 0)).Select(id => found.GetValueOrDefault(id) ?? new FacetedHit(id, best));
        return [.. first, .. hits.Where(h => !order.Contains(h.Id))];
    }

    /// <summary>The Lucene index on the embedded path when asked for; otherwise SQL full text (FTS5 / tsvector).</summary>
    private IFacetedSearch Engine(bool useSearchIndex) => useSearchIndex && index.Enabled ? index : sql;

    private async Task<Dictionary<int, double>> AuthorityWeightsAsync(List<int> documentIds, CancellationToken cancellationToken) =>
        await db.Set<Document>().AsNoTracking().Where(d => documentIds.Contains(d.Id)).Select(d => new { d.Id, d.Kind, d.IssuingBody })
            .ToDictionaryAsync(d => d.Id, d => SearchAuthority.Weight(d.Kind, d.IssuingBody), cancellationToken);

    private async Task<List<Item>> LoadItemsAsync(List<Ranked> rows, IReadOnlyList<QueryTerm> terms, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var documents = await db.Set<Document>().AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var versionIds = documents.Values.Where(d => d.CurrentVersionId != null).Select(d => d.CurrentVersionId!.Value).ToList();
        var texts = await db.Set<DocumentVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.CleanText, cancellationToken);
        var answers = versionIds.Where(texts.ContainsKey).ToDictionary(v => v, v => Snippets.Answering(texts[v], terms));
        var answered = answers.Where(a => a.Value is not null).Select(a => a.Key).ToList();
        var headings = (await db.Set<DocumentSection>().AsNoTracking().Where(s => answered.Contains(s.VersionId))
            .Select(s => new { s.VersionId, s.Start, s.Label }).ToListAsync(cancellationToken)).ToLookup(s => s.VersionId);
        return rows.Where(r => documents.ContainsKey(r.Id)).Select(r =>
        {
            var d = documents[r.Id];
            var text = d.CurrentVersionId is { } v && texts.TryGetValue(v, out var t) ? t : "";
            var answer = d.CurrentVersionId is { } version ? answers.GetValueOrDefault(version) : null;
            AnsweringParagraph? at = null;
            if (answer is not null)
            {
                // The article the paragraph belongs to: the heading above it, when that heading is an article's.
                var heading = headings[d.CurrentVersionId!.Value].Where(h => h.Start <= answer.Start).MaxBy(h => h.Start)?.Label;
                var number = LawCitation.ArticleNumberOf(heading);
                at = new AnsweringParagraph(answer.Start, answer.End, number is null ? null : heading, number);
            }

            return new Item(d.Id, d.Title, d.Kind.ToString(), d.DocumentNumber, d.IssuingBody, d.Level.ToString(), d.Status.ToString(), d.DocumentDate ?? d.PublishedOn, d.Year,
                answer?.Parts ?? Snippets.Build(text, terms), r.Rank, at);
        }).ToList();
    }

    public sealed record PassageHit(int DocumentId, string DocumentTitle, string? SeedFile, int PassageId, int Start, int Length, string Text, IReadOnlyList<SnippetPart> Snippet, double Rank);

    /// <summary>
    /// Paragraphs of current versions that hold every query term, most relevant first; when fewer than
    /// asked for hold them all, paragraphs holding some of them follow.
    /// </summary>
    public async Task<IReadOnlyList<PassageHit>> PassagesAsync(string q, int take, CancellationToken cancellationToken)
    {
        var terms = SearchAnalyzer.Default.QueryTerms(q);
        if (terms.Count == 0)
        {
            return [];
        }

        take = Math.Clamp(take, 1, 100);
        var question = SearchAnalyzer.Default.ReadsAsQuestion(q, terms);
        terms = question ? EverydayWords.Default.Expand(terms) : terms;
        var hits = question
            ? await QuestionPassagesAsync(terms, take, cancellationToken)
            : await passageIndex.FindAsync(db, terms, anyWord: false, take, cancellationToken);
        if (hits.Count < take && terms.Sum(t => t.AllTexts.Count()) > 1)
        {
            // Too few paragraphs hold every term: fill up with those holding some, after the full matches.
            var found = hits.Select(h => h.Id).ToHashSet();
            var partial = await passageIndex.FindAsync(db, terms, anyWord: true, take + found.Count, cancellationToken);
            hits.AddRange(partial.Where(m => !found.Contains(m.Id)).Take(take - hits.Count));
        }

        hits = await NamedFirstAsync(hits, await laws.FindAsync(q, cancellationToken), take, cancellationToken);
        var ids = hits.Select(h => h.Id).ToList();
        var passages = await db.Set<DocumentPassage>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var versionIds = passages.Values.Select(p => p.VersionId).Distinct().ToList();
        var texts = await db.Set<DocumentVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.CleanText, cancellationToken);
        var documentIds = passages.Values.Select(p => p.DocumentId).Distinct().ToList();
        var documents = await db.Set<Document>().AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        return hits.Where(h => passages.ContainsKey(h.Id)).Select(h =>
        {
            var p = passages[h.Id];
            var text = texts[p.VersionId].Substring(p.Start, p.Length);
            var d = documents[p.DocumentId];
            return new PassageHit(d.Id, d.Title, d.SeedFile, p.Id, p.Start, p.Length, text, Snippets.Build(text, terms, 200), h.Rank);
        }).ToList();
    }

    /// <summary>
    /// A law the query names goes first: the paragraph where the article asked for starts, then the named laws'
    /// paragraphs among those found, then the rest. The article's paragraph takes the best rank found.
    /// </summary>
    private async Task<List<SearchMatch>> NamedFirstAsync(List<SearchMatch> hits, NamedLaws.Found named, int take, CancellationToken cancellationToken)
    {
        if (named.Laws.Count == 0)
        {
            return hits;
        }

        var best = hits.Select(h => h.Rank).DefaultIfEmpty(1).Max();
        var articles = new List<SearchMatch>();
        foreach (var law in named.Laws.Where(l => l.Start is not null))
        {
            var start = law.Start!.Value;
            var passage = await (from p in db.Set<DocumentPassage>().AsNoTracking()
                                 join d in db.Set<Document>().AsNoTracking() on p.VersionId equals d.CurrentVersionId
                                 where d.Id == law.DocumentId && p.Start <= start && p.Start + p.Length > start
                                 select (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (passage is { } id)
            {
                articles.Add(new SearchMatch { Id = id, Rank = best });
            }
        }

        var first = articles.Select(a => a.Id).ToHashSet();
        var documentIds = named.Laws.Select(l => l.DocumentId).ToList();
        var ids = hits.Select(h => h.Id).ToList();
        var inNamed = (await db.Set<DocumentPassage>().AsNoTracking().Where(p => ids.Contains(p.Id) && documentIds.Contains(p.DocumentId)).Select(p => p.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var rest = hits.Where(h => !first.Contains(h.Id)).ToList();
        return [.. articles.Concat(rest.Where(h => inNamed.Contains(h.Id))).Concat(rest.Where(h => !inNamed.Contains(h.Id))).Take(take)];
    }

    /// <summary>
    /// A question's paragraphs: those holding more of its words first (BM25 over paragraphs), each weighed with its
    /// document — the authority weight, and how well the whole document answers the question (its share of the
    /// best document score), so an article of the law that answers comes before a like sentence elsewhere.
    /// </summary>
    private async Task<List<SearchMatch>> QuestionPassagesAsync(IReadOnlyList<QueryTerm> terms, int take, CancellationToken cancellationToken)
    {
        var started = await paragraphs.StartAsync(terms, asAnswers: true, cancellationToken);
        // The documents' own scores: weighing them with their paragraphs as well (as the document search does) measured no better here.
        var (documents, _) = await FindAsync(Engine(useSearchIndex: true), question: true, terms, new Dictionary<string, string>(), 0, RerankWindow, facets: false, newestFirst: false, NamedLaws.Found.Nothing, weighParagraphs: false, cancellationToken);
        var window = await paragraphs.FinishAsync(started, cancellationToken);
        var best = documents.Hits.Select(h => h.Rank).DefaultIfEmpty(0).Max();
        var answering = documents.Hits.ToDictionary(h => h.Id, h => best > 0 ? h.Rank / best : 0);
        var weights = await AuthorityWeightsAsync(window.Select(p => p.DocumentId).Distinct().ToList(), cancellationToken);
        return window.Select((p, i) => (Match: new SearchMatch { Id = p.Id, Rank = p.Rank * weights.GetValueOrDefault(p.DocumentId, 1.0) * (1 + answering.GetValueOrDefault(p.DocumentId)) }, Index: i))
            .OrderByDescending(x => x.Match.Rank).ThenBy(x => x.Index).Select(x => x.Match).Take(take).ToList();
    }

    public sealed record Related(int Id, string Title, string Kind, DateOnly? Date, IReadOnlyList<string> SharedTerms);

    /// <summary>
    /// Documents that share the most distinctive words of this one: its title words and its most frequent
    /// long words, asked for together (any of them), best match first.
    /// </summary>
    public async Task<IReadOnlyList<Related>> RelatedAsync(int documentId, int take, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document?.CurrentVersionId is not { } versionId)
        {
            return [];
        }

        var text = await db.Set<DocumentVersion>().Where(v => v.Id == versionId).Select(v => v.CleanText).SingleAsync(cancellationToken);
        var analyzer = SearchAnalyzer.Default;
        var frequent = analyzer.IndexTokens(text.Length > 20000 ? text[..20000] : text)
            .Where(t => t.Kind == TokenKind.Word && t.Length >= 3)
            .GroupBy(t => t.Text).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(10);
        var keywords = analyzer.IndexTokens(document.Title).Where(t => t.Kind == TokenKind.Word && t.Length >= 2).Select(t => t.Text)
            .Concat(frequent).Distinct(StringComparer.Ordinal).Take(14).ToList();
        if (keywords.Count == 0)
        {
            return [];
        }

        var matches = await search.MatchAny(db, SearchIndex.Documents, keywords).Where(m => m.Id != documentId)
            .OrderByDescending(m => m.Rank).Take(take).ToListAsync(cancellationToken);
        var ids = matches.Select(m => m.Id).ToList();
        var rows = await db.Set<Document>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, d.Kind, d.DocumentDate, d.CurrentVersionId }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var relatedVersionIds = rows.Values.Select(r => r.CurrentVersionId ?? 0).ToList();
        var relatedTexts = await db.Set<DocumentVersion>().AsNoTracking().Where(v => relatedVersionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.CleanText, cancellationToken);
        return matches.Where(m => rows.ContainsKey(m.Id)).Select(m =>
        {
            var row = rows[m.Id];
            var other = TextNormalizer.Normalize(relatedTexts.GetValueOrDefault(row.CurrentVersionId ?? 0) ?? "");
            return new Related(row.Id, row.Title, row.Kind.ToString(), row.DocumentDate, keywords.Where(k => other.Contains(k, StringComparison.Ordinal)).Take(6).ToList());
        }).ToList();
    }
}
