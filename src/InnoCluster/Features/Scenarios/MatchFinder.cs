using InnoCluster.Features.Documents;
using InnoCluster.Features.Registry;
using InnoCluster.Infrastructure.Data;
using InnoCluster.Infrastructure.Search;
using InnoCluster.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// Finds and explains matches: full-text retrieval (the library's analyzer and the same index tables)
/// narrows 100k solutions and enterprises to a few hundred candidates, then <see cref="ScenarioMatcher"/>
/// scores them on words, capabilities, chain nodes, sector, district and track record. Officials' pins
/// come first and exclusions drop out.
/// </summary>
public sealed class MatchFinder(InnoClusterDbContext db, ISearchDialect search, IOptions<MatchingOptions> options, IRegistryDirectory registry, TermStatistics? statistics = null)
{
    public sealed record Match(
        string Kind,
        int Id,
        int? EnterpriseId,
        string Name,
        double Score,
        bool Pinned,
        MatchReasons Reasons,
        IReadOnlyList<SnippetPart> SubjectSnippet,
        IReadOnlyList<SnippetPart> CandidateSnippet,
        IReadOnlyList<ChainNodeName> ChainNodeNames);

    /// <summary>A shared chain node as readers see it, in both languages (the reasons keep its code).</summary>
    public sealed record ChainNodeName(string Code, string Name, string NameEn);

    private static readonly IReadOnlySet<string> NoTerms = new HashSet<string>();

    public sealed record Result(int SubjectId, string SubjectTitle, IReadOnlyList<Match> Matches, IReadOnlyList<Match> Excluded);

    /// <summary>Solutions and enterprises (with or without a solution) for a demand, best first.</summary>
    public async Task<Result?> ForDemandAsync(int demandId, int take, CancellationToken cancellationToken)
    {
        var demand = await db.Set<Demand>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        if (demand is null)
        {
            return null;
        }

        var nodes = await ChainNodesAsync(cancellationToken);
        var subject = DemandProfile(demand, nodes);
        var decisions = await db.Set<MatchDecision>().AsNoTracking().Where(d => d.DemandId == demandId).ToDictionaryAsync(d => d.CandidateKey, d => d.Decision, cancellationToken);
        var terms = RetrievalTerms(subject, ConceptsFor(nodes));
        var solutionIds = await RetrieveAsync(SearchIndex.Solutions, terms, cancellationToken);
        var enterpriseIds = await RetrieveAsync(SearchIndex.Enterprises, terms, cancellationToken);
        foreach (var key in decisions.Where(d => d.Value == MatchDecisionKind.Pinned).Select(d => d.Key))
        {
            if (Parse(key) is { } pinned)
            {
                (pinned.Kind == CandidateKind.Solution ? solutionIds : enterpriseIds).Add(pinned.Id);
            }
        }

        var candidates = new List<MatchProfile>();
        candidates.AddRange(await SolutionProfilesAsync(solutionIds, nodes, cancellationToken));
        // An enterprise already offering a retrieved solution is represented by it.
        var offering = candidates.Select(c => c.EnterpriseId).ToHashSet();
        candidates.AddRange((await EnterpriseProfilesAsync(enterpriseIds, nodes, cancellationToken)).Where(e => !offering.Contains(e.Id) || decisions.ContainsKey(MatchCandidateKey.Enterprise(e.Id))));
        return Assemble(demand.Id, demand.Title, subject, candidates, decisions, nodes, take);
    }

    /// <summary>Published demands a solution could answer, best first; a demand already delivered (a pair landed or made a demonstration: the case collection's) is answered, and left out.</summary>
    public async Task<Result?> ForSolutionAsync(int solutionId, int take, CancellationToken cancellationToken)
    {
        var nodes = await ChainNodesAsync(cancellationToken);
        var subject = (await SolutionProfilesAsync([solutionId], nodes, cancellationToken, asSubject: true)).SingleOrDefault();
        if (subject is null)
        {
            return null;
        }

        var demandIds = await RetrieveAsync(SearchIndex.Demands, RetrievalTerms(subject, ConceptsFor(nodes)), cancellationToken);
        var demands = await db.Set<Demand>().AsNoTracking()
            .Where(d => demandIds.Contains(d.Id) && d.Status == DemandStatus.Published
                && !db.Set<Docking>().Any(x => x.DemandId == d.Id && (x.Stage == DockingStage.Landed || x.Stage == DockingStage.Demonstration)))
            .ToListAsync(cancellationToken);
        var candidates = demands.Select(d => DemandProfile(d, nodes, asSubject: false)).ToList();
        var excluded = await db.Set<MatchDecision>().AsNoTracking()
            .Where(d => d.CandidateKey == MatchCandidateKey.Solution(solutionId) && d.Decision == MatchDecisionKind.Excluded).Select(d => d.DemandId).ToListAsync(cancellationToken);
        candidates.RemoveAll(c => excluded.Contains(c.Id));
        return Assemble(subject.Id, subject.Name, subject, candidates, new Dictionary<string, MatchDecisionKind>(), nodes, take);
    }

    private Result Assemble(int subjectId, string title, MatchProfile subject, List<MatchProfile> candidates, Dictionary<string, MatchDecisionKind> decisions, ChainNames nodes, int take)
    {
        var ranked = new ScenarioMatcher(options.Value.Weights, ConceptsFor(nodes)).Rank(subject, candidates);
        string Key(MatchProfile p) => p.Kind == CandidateKind.Solution ? MatchCandidateKey.Solution(p.Id) : p.Kind == CandidateKind.Enterprise ? MatchCandidateKey.Enterprise(p.Id) : "demand:" + p.Id;
        MatchDecisionKind? DecisionOf(MatchScore m) => decisions.TryGetValue(Key(m.Candidate), out var d) ? d : null;
        var pinnedKeys = decisions.Where(d => d.Value == MatchDecisionKind.Pinned).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        // A pinned candidate the scorer found nothing in common with still shows, at the top.
        var scored = ranked.Select(m => Key(m.Candidate)).ToHashSet(StringComparer.Ordinal);
        var unscoredPins = candidates.Where(c => pinnedKeys.Contains(Key(c)) && !scored.Contains(Key(c)))
            .Select(c => new MatchScore(c, 0, 0, 0, 0, new MatchReasons([], [], [], false, false, c.Landed, [])));
        var all = ranked.Concat(unscoredPins).ToList();
        Match ToMatch(MatchScore m)
        {
            var shared = m.Reasons.SharedTerms.Concat(m.Reasons.SharedCapabilities).ToList();
            // A concept's words are marked on their own side: 口述 in the demand, 语音识别 in the offer.
            List<QueryTerm> Marked(Func<ConceptLink, string> says) =>
                shared.Concat(m.Reasons.SharedConcepts.SelectMany(l => says(l).Split('…'))).Distinct(StringComparer.Ordinal).Select(t => new QueryTerm(t, [])).ToList();
            return new Match(m.Candidate.Kind.ToString(), m.Candidate.Id, m.Candidate.EnterpriseId, m.Candidate.Name, Math.Round(m.Score, 4), DecisionOf(m) == MatchDecisionKind.Pinned,
                m.Reasons, Snippets.Build(subject.Text, Marked(l => l.SubjectSays), 200), Snippets.Build(m.Candidate.Text, Marked(l => l.CandidateSays), 200),
                m.Reasons.SharedChainNodes.Where(nodes.ByCode.ContainsKey).Select(code => nodes.ByCode[code]).ToList());
        }

        var shown = all.Where(m => DecisionOf(m) != MatchDecisionKind.Excluded)
            .OrderByDescending(m => DecisionOf(m) == MatchDecisionKind.Pinned).ThenByDescending(m => m.Score)
            .Take(Math.Clamp(take, 1, 100)).Select(ToMatch).ToList();
        var excluded = all.Where(m => DecisionOf(m) == MatchDecisionKind.Excluded).Select(ToMatch).ToList();
        return new Result(subjectId, title, shown, excluded);
    }

    /// <summary>
    /// The words retrieval asks for: the capabilities' words first, then the words vendors write for the
    /// concepts the subject evokes in other words (口述 → 语音识别, ASR), then the subject's key words by how
    /// often its text repeats them (a long demand names its subject many times), longer first among equals.
    /// </summary>
    internal static List<string> RetrievalTerms(MatchProfile subject, ConceptThesaurus concepts)
    {
        var normalized = TextNormalizer.Normalize(subject.Text);
        var conceptWords = concepts.Evoked(subject.Text)
            .SelectMany(e => e.Concept.Names.Where(name => !normalized.Contains(name, StringComparison.Ordinal)).Take(ConceptWordsEach))
            .SelectMany(ScenarioMatcher.KeyTerms)
            // 机器人技术 is indexed as 机器人 and 技术: a word the subject says itself adds nothing, a stop word finds everything.
            .Where(word => !ScenarioMatcher.ContainsTerm(normalized, word)).Distinct(StringComparer.Ordinal).Take(ConceptWordLimit);
        var counts = SearchAnalyzer.Default.IndexTokens(subject.Text).Where(t => subject.Terms.Contains(t.Text))
            .GroupBy(t => t.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var capabilityWords = subject.Capabilities.SelectMany(IndexWords);
        var own = capabilityWords
            .Concat(subject.Terms.OrderByDescending(t => counts.GetValueOrDefault(t)).ThenByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal).Take(RetrievalTermLimit).ToList();
        // The concept words come on top of the subject's own, which they must not crowd out.
        return [.. own, .. conceptWords.Except(own, StringComparer.Ordinal)];
    }

    /// <summary>A phrase as the index holds it: 人工智能平台 is indexed as 人工智能 and 平台.</summary>
    private static IEnumerable<string> IndexWords(string phrase) =>
        SearchAnalyzer.Default.IndexTokens(phrase).Where(t => t.Kind != TokenKind.SubWord && t.Length >= 2).Select(t => t.Text);

    /// <summary>How many words one retrieval asks for (an OR of them); more finds more, at a cost per query.</summary>
    private const int RetrievalTermLimit = 20;

    /// <summary>A concept's first names (its most common trade words), and how many concept words one retrieval adds.</summary>
    private const int ConceptWordsEach = 3;

    private const int ConceptWordLimit = 8;

    /// <summary>
    /// The candidates full-text retrieval hands to the scorer: the best-ranked holders of any of the words.
    /// Ranking every holder of a common word is what costs (bm25 over 80k of 100k solutions: 75 ms), so words
    /// held by more than <see cref="MatchingOptions.CommonWordShare"/> of the index are left to the scorer,
    /// keeping at least the three rarest; the document counts come from <see cref="TermStatistics"/>.
    /// </summary>
    private async Task<HashSet<int>> RetrieveAsync(SearchIndex index, List<string> terms, CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        var asked = terms;
        if (statistics is not null)
        {
            var size = await statistics.SizeAsync(db, index, registry.EnterpriseCountAsync, cancellationToken);
            var common = Math.Max(options.Value.CommonWordFloor, (int)(size * options.Value.CommonWordShare));
            var counted = new List<(string Term, int Documents)>();
            foreach (var term in terms)
            {
                counted.Add((term, await statistics.DocumentsWithAsync(db, index, term, cancellationToken)));
            }

            var rare = counted.Where(c => c.Documents > 0 && c.Documents <= common).Select(c => c.Term).ToList();
            asked = rare.Count >= 3 ? rare : counted.Where(c => c.Documents > 0).OrderBy(c => c.Documents).Take(3).Select(c => c.Term).ToList();
            if (asked.Count == 0)
            {
                return [];
            }
        }

        var ids = await search.MatchAny(db, index, asked).OrderByDescending(m => m.Rank).Select(m => m.Id).Take(options.Value.Candidates).ToListAsync(cancellationToken);
        return [.. ids];
    }

    internal static MatchProfile DemandProfile(Demand demand, ChainNames nodes, bool asSubject = true)
    {
        var text = demand.Title + "\n" + demand.Problem + (demand.Capabilities.Count > 0 ? "\n" + string.Join("、", demand.Capabilities) : "");
        return new MatchProfile(CandidateKind.Demand, demand.Id, null, demand.Title, text, asSubject ? ScenarioMatcher.KeyTerms(text) : NoTerms, demand.Capabilities,
            demand.Sector is null ? [] : [demand.Sector], nodes.NamedIn(text), demand.DistrictId, 0);
    }

    /// <summary>
    /// The most specific chain nodes, with their names and synonyms normalised once per request. Layers and
    /// segments are left out: their names ("应用", "工业") are in nearly every demand.
    /// </summary>
    internal sealed class ChainNames
    {
        private readonly (string Code, string[] Names)[] _leaves;

        public ChainNames(IReadOnlyList<ChainNodeInfo> nodes)
        {
            var parents = nodes.Where(n => n.ParentId != null).Select(n => n.ParentId!.Value).ToHashSet();
            _leaves = nodes.Where(n => !parents.Contains(n.Id))
                .Select(n => (n.Code, n.AllNames.Select(TextNormalizer.Normalize).Where(name => name.Length >= 2).ToArray())).ToArray();
            Codes = nodes.ToDictionary(n => n.Id, n => n.Code);
            Names = nodes.ToDictionary(n => n.Id, n => n.Name);
            ByCode = nodes.ToDictionary(n => n.Code, n => new ChainNodeName(n.Code, n.Name, n.NameEn), StringComparer.Ordinal);
            Concepts = ConceptThesaurus.With(nodes);
        }

        public ConceptThesaurus Concepts { get; }

        public IReadOnlyDictionary<string, ChainNodeName> ByCode { get; }

        public IReadOnlyDictionary<int, string> Codes { get; }

        public IReadOnlyDictionary<int, string> Names { get; }

        /// <summary>The leaf nodes whose name or synonym the text uses ("机器视觉", "无人配送" …).</summary>
        public IReadOnlySet<string> NamedIn(string text)
        {
            var normalized = TextNormalizer.Normalize(text);
            return _leaves.Where(l => l.Names.Any(name => normalized.Contains(name, StringComparison.Ordinal))).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>The concept layer, unless configuration weighs it at zero (then it neither retrieves nor scores).</summary>
    private ConceptThesaurus ConceptsFor(ChainNames nodes) => options.Value.Weights.Concepts > 0 ? nodes.Concepts : ConceptThesaurus.None;

    private async Task<ChainNames> ChainNodesAsync(CancellationToken cancellationToken) =>
        new(await registry.ChainNodesAsync(cancellationToken));

    private async Task<List<MatchProfile>> SolutionProfilesAsync(HashSet<int> ids, ChainNames nodes, CancellationToken cancellationToken, bool asSubject = false)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var solutions = await db.Set<Solution>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        var enterpriseIds = solutions.Select(s => s.EnterpriseId).Distinct().ToList();
        var enterprises = await registry.SketchesAsync(enterpriseIds, cancellationToken);
        var landed = await LandedAsync(enterpriseIds, cancellationToken);
        var codes = nodes.Codes;
        return solutions.Where(s => enterprises.ContainsKey(s.EnterpriseId)).Select(s =>
        {
            var e = enterprises[s.EnterpriseId];
            var text = s.Title + "\n" + s.Description + (s.Capabilities.Count > 0 ? "\n" + string.Join("、", s.Capabilities) : "") + (s.ReferenceCases is null ? "" : "\n" + s.ReferenceCases);
            // The nodes the vendor declares, its registry links, and those its text names (as a demand's are found).
            var chain = s.ChainNodes.Concat(e.ChainNodeIds.Where(codes.ContainsKey).Select(id => codes[id])).Concat(nodes.NamedIn(text)).ToHashSet(StringComparer.Ordinal);
            return new MatchProfile(CandidateKind.Solution, s.Id, s.EnterpriseId, $"{s.Title} — {e.Name}", text, asSubject ? ScenarioMatcher.KeyTerms(text) : NoTerms, s.Capabilities, s.Sectors, chain, e.DistrictId,
                landed.GetValueOrDefault(s.EnterpriseId));
        }).ToList();
    }

    private async Task<List<MatchProfile>> EnterpriseProfilesAsync(HashSet<int> ids, ChainNames nodes, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var enterprises = (await registry.SketchesAsync(ids, cancellationToken)).Values.OrderBy(e => e.Id).ToList();
        var landed = await LandedAsync(ids, cancellationToken);
        return enterprises.Select(e =>
        {
            var linked = e.ChainNodeIds.Where(nodes.Codes.ContainsKey).ToList();
            var text = string.Join("\n", new[] { e.Business }.Concat(e.Products).Concat(linked.Select(id => nodes.Names[id])).Where(t => !string.IsNullOrWhiteSpace(t)));
            return new MatchProfile(CandidateKind.Enterprise, e.Id, e.Id, e.Name, text.Length > 0 ? text : e.Name, NoTerms, [], [],
                linked.Select(id => nodes.Codes[id]).Concat(nodes.NamedIn(text)).ToHashSet(StringComparer.Ordinal), e.DistrictId, landed.GetValueOrDefault(e.Id));
        }).ToList();
    }

    private async Task<Dictionary<int, int>> LandedAsync(IReadOnlyCollection<int> enterpriseIds, CancellationToken cancellationToken) =>
        await db.Set<Docking>().AsNoTracking()
            .Where(d => d.EnterpriseId != null && enterpriseIds.Contains(d.EnterpriseId.Value) && (d.Stage == DockingStage.Landed || d.Stage == DockingStage.Demonstration))
            .GroupBy(d => d.EnterpriseId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    internal static (CandidateKind Kind, int Id)? Parse(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? parts[0] switch
            {
                "solution" => (CandidateKind.Solution, id),
                "enterprise" => (CandidateKind.Enterprise, id),
                _ => null,
            }
            : null;
    }
}
