using InnoCluster.Text;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// How much each kind of evidence counts in a match (Scenarios:Matching:Weights in configuration). They
/// need not sum to one; scores are compared, not read as probabilities. The defaults were chosen on the
/// judged set (tests/fixtures/scenarios/judged-matching.json): words carry most of the signal (with
/// segmented candidates, words alone scored nDCG@10 0.953, 0.45 words with heavier structure 0.937, these
/// weights 0.957; with candidates read as text, as now: 0.950 and 0.951).
/// </summary>
public sealed class MatchWeights
{
    /// <summary>The demand's key words found in the candidate's text, each weighted by how rare it is among the candidates.</summary>
    public double Text { get; set; } = 0.7;

    /// <summary>The capabilities the demand asks for that the candidate lists or describes.</summary>
    public double Capabilities { get; set; } = 0.1;

    /// <summary>Chain nodes named in the demand that the candidate sits on.</summary>
    public double ChainNodes { get; set; } = 0.05;

    public double Sector { get; set; } = 0.05;

    public double District { get; set; } = 0.05;

    /// <summary>Scenarios the vendor has already landed through the platform (saturates: 1 → 0.5, 3 → 0.75).</summary>
    public double TrackRecord { get; set; } = 0.05;

    /// <summary>
    /// How much a concept linking the two texts (口述 ↔ 语音识别) counts inside the text score, against a shared
    /// word of the same rarity; 0 leaves the concept layer out.
    /// </summary>
    public double Concepts { get; set; } = 1;
}

public sealed class MatchingOptions
{
    public MatchWeights Weights { get; set; } = new();

    /// <summary>How many candidates of each kind the full-text retrieval hands to the scorer.</summary>
    public int Candidates { get; set; } = 150;

    /// <summary>A word held by more than this share of an index does not retrieve (it still scores).</summary>
    public double CommonWordShare { get; set; } = 0.02;

    /// <summary>… nor by more than this many records, whatever the share (small indexes keep every word).</summary>
    public int CommonWordFloor { get; set; } = 1000;
}

public enum CandidateKind
{
    Solution,
    Enterprise,
    Demand,
}

/// <summary>One side of a match, reduced to what the scorer compares.</summary>
public sealed record MatchProfile(
    CandidateKind Kind,
    int Id,
    int? EnterpriseId,
    string Name,
    string Text,
    IReadOnlySet<string> Terms,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> Sectors,
    IReadOnlySet<string> ChainNodes,
    int? DistrictId,
    int Landed);

public sealed record MatchReasons(
    IReadOnlyList<string> SharedTerms,
    IReadOnlyList<string> SharedCapabilities,
    IReadOnlyList<string> SharedChainNodes,
    bool SameSector,
    bool SameDistrict,
    int Landed,
    IReadOnlyList<ConceptLink> SharedConcepts);

/// <summary>A concept both texts evoke in different words: what the subject says, what the candidate says.</summary>
public sealed record ConceptLink(string Concept, string ConceptEn, string? ChainNode, string SubjectSays, string CandidateSays);

public sealed record MatchScore(MatchProfile Candidate, double Score, double TextScore, double CapabilityScore, double ChainScore, MatchReasons Reasons);

/// <summary>
/// Scores candidates for one subject (a demand, or a solution looking for demands) from the evidence the
/// two share, and says which evidence it was. Plain code over profiles, so it is tested without a host.
/// <para>
/// Cold start: a vendor with no landed scenario loses only the track-record share (5 % by default); its
/// words, capabilities, chain nodes, sector and district count in full, and registry enterprises without
/// any solution are candidates through their products, business scope and chain links.
/// </para>
/// </summary>
public sealed class ScenarioMatcher(MatchWeights weights, ConceptThesaurus? concepts = null)
{
    public IReadOnlyList<MatchScore> Rank(MatchProfile subject, IReadOnlyList<MatchProfile> candidates)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        // Candidates are read as text, not segmented: a subject word counts when the candidate's normalised
        // text holds it (Latin words on word boundaries). Segmenting a few hundred candidate texts per
        // request cost more than the rest of matching together.
        var texts = candidates.Select(c => TextNormalizer.Normalize(c.Text)).ToArray();
        var holds = new bool[candidates.Count][];
        var subjectTerms = subject.Terms.ToArray();
        var frequency = new int[subjectTerms.Length];
        for (var c = 0; c < candidates.Count; c++)
        {
            holds[c] = new bool[subjectTerms.Length];
            for (var t = 0; t < subjectTerms.Length; t++)
            {
                if (candidates[c].Terms.Contains(subjectTerms[t]) || ContainsTerm(texts[c], subjectTerms[t]))
                {
                    holds[c][t] = true;
                    frequency[t]++;
                }
            }
        }

        // Rarity among the candidates: a word most of them share ("智能") says little about fit.
        var idf = frequency.Select(f => Math.Log(1 + ((double)candidates.Count / (1 + f)))).ToArray();
        var links = LinkConcepts(subject, candidates, texts);
        var subjectWeight = idf.Sum() + (weights.Concepts * links.Idf.Sum());
        var subjectCapabilities = subject.Capabilities.Select(TextNormalizer.Normalize).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return candidates.Select((candidate, c) =>
        {
            var shared = Enumerable.Range(0, subjectTerms.Length).Where(t => holds[c][t])
                .OrderByDescending(t => idf[t]).ThenBy(t => subjectTerms[t], StringComparer.Ordinal).ToList();
            var linked = Enumerable.Range(0, links.Idf.Length).Where(k => links.Found[c][k] is not null).OrderByDescending(k => links.Idf[k]).ToList();
            var text = subjectWeight > 0 ? (shared.Sum(t => idf[t]) + (weights.Concepts * linked.Sum(k => links.Idf[k]))) / subjectWeight : 0;
            var candidateText = texts[c];
            var candidateCapabilities = candidate.Capabilities.Select(TextNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);
            var sharedCapabilities = subjectCapabilities.Where(x => candidateCapabilities.Contains(x) || candidateText.Contains(x, StringComparison.Ordinal)).ToList();
            var capability = subjectCapabilities.Count > 0 ? (double)sharedCapabilities.Count / subjectCapabilities.Count : 0;
            var sharedNodes = subject.ChainNodes.Where(candidate.ChainNodes.Contains).Order(StringComparer.Ordinal).ToList();
            var chain = subject.ChainNodes.Count > 0 ? (double)sharedNodes.Count / subject.ChainNodes.Count : 0;
            var sameSector = subject.Sectors.Any(x => candidate.Sectors.Contains(x, StringComparer.Ordinal));
            var sameDistrict = subject.DistrictId is not null && subject.DistrictId == candidate.DistrictId;
            var landed = Math.Max(subject.Landed, candidate.Landed);
            var track = landed / (landed + 1.0);
            var score = (weights.Text * text) + (weights.Capabilities * capability) + (weights.ChainNodes * chain)
                + (sameSector ? weights.Sector : 0) + (sameDistrict ? weights.District : 0) + (weights.TrackRecord * track);
            return new MatchScore(candidate, score, text, capability, chain,
                new MatchReasons(shared.Take(12).Select(t => subjectTerms[t]).ToList(), sharedCapabilities, sharedNodes, sameSector, sameDistrict, landed,
                    linked.Select(k => links.Found[c][k]!).ToList()));
        })
        .Where(m => m.TextScore > 0 || m.CapabilityScore > 0 || m.ChainScore > 0)
        .OrderByDescending(m => m.Score).ThenBy(m => m.Candidate.Kind).ThenBy(m => m.Candidate.Id)
        .ToList();
    }

    /// <summary>
    /// The concepts the subject evokes that each candidate evokes in other words (口述 in the demand, 语音识别 in
    /// the offer), and their rarity among the candidates. A candidate that says what the subject said is
    /// credited by the shared word instead, so a concept never counts twice.
    /// </summary>
    private (double[] Idf, ConceptLink?[][] Found) LinkConcepts(MatchProfile subject, IReadOnlyList<MatchProfile> candidates, string[] texts)
    {
        var evoked = weights.Concepts > 0 && concepts is not null ? concepts.Evoked(subject.Text) : [];
        var found = new ConceptLink?[candidates.Count][];
        var frequency = new int[evoked.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            found[c] = new ConceptLink?[evoked.Count];
            var sentences = evoked.Count > 0 ? ConceptThesaurus.Sentences(texts[c]) : [];
            for (var k = 0; k < evoked.Count; k++)
            {
                var said = evoked[k];
                if (ConceptThesaurus.Evidence(said.Concept, texts[c], sentences) is { } answer && !ContainsTerm(texts[c], said.Says))
                {
                    found[c][k] = new ConceptLink(said.Concept.Name, said.Concept.NameEn, said.Concept.ChainNode, said.Says, answer.Says);
                    frequency[k]++;
                }
            }
        }

        // A concept that links no candidate weighs nothing: where every candidate that has it says it in the
        // subject's own words, the shared word already carries it.
        return (frequency.Select(f => f == 0 ? 0 : Math.Log(1 + ((double)candidates.Count / (1 + f)))).ToArray(), found);
    }

    /// <summary>Whether normalised text holds a term: anywhere for Chinese, on word boundaries for Latin terms ("ai" is not in "detail").</summary>
    internal static bool ContainsTerm(string normalizedText, string term)
    {
        var latin = term.All(char.IsAscii);
        for (var at = normalizedText.IndexOf(term, StringComparison.Ordinal); at >= 0; at = normalizedText.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            if (!latin || ((at == 0 || !char.IsAsciiLetterOrDigit(normalizedText[at - 1])) && (at + term.Length == normalizedText.Length || !char.IsAsciiLetterOrDigit(normalizedText[at + term.Length]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words a profile is compared on: whole dictionary words and Latin terms of two or more characters,
    /// and the bigrams of runs the dictionary does not know (trade words such as 极片, 漏涂 are there).
    /// </summary>
    public static IReadOnlySet<string> KeyTerms(string text) =>
        SearchAnalyzer.Default.IndexTokens(text)
            .Where(t => t.Kind != TokenKind.SubWord && t.Text.Length >= 2 && !StopWords.Contains(t.Text) && !t.Text.All(char.IsAsciiDigit))
            .Select(t => t.Text)
            .ToHashSet(StringComparer.Ordinal);

    // Words every demand and offer uses; they would make everything look alike.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "我们", "需要", "需求", "企业", "公司", "进行", "实现", "提供", "通过", "相关", "以及", "一个", "目前", "能够", "可以", "方面", "问题", "解决", "要求",
        "技术", "系统", "产品", "项目", "开发", "研发", "应用", "服务", "平台", "方案", "解决方案", "提高", "提升", "具有", "主要", "希望", "合作", "现有", "存在", "达到",
    };
}
