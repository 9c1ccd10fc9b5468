using System.Globalization;
using InnoCluster.Features.Registry;
using InnoCluster.Text;

namespace InnoCluster.Features.Scenarios;

/// <summary>
/// Something two texts can be about without sharing a word: the words a vendor writes for it (语音识别, ASR)
/// and everyday phrasings a demand uses for it (口述; 说话 + 记录). <see cref="ChainNode"/> is the chain node it
/// sits under, or the node it is (a leaf node's names and synonyms, each quoted from the sources).
/// </summary>
public sealed record MatchConcept(string Name, string NameEn, IReadOnlyList<string> Names, IReadOnlyList<ConceptCue> Cues, string? ChainNode);

/// <summary>An everyday phrasing: every part must occur in one sentence; a part is satisfied by any of its alternatives.</summary>
public sealed record ConceptCue(IReadOnlyList<IReadOnlyList<string>> Parts)
{
    /// <summary>The words that satisfied the cue in one of the sentences ("口头…病历"), or null.</summary>
    public string? FindIn(IReadOnlyList<string> sentences)
    {
        foreach (var sentence in sentences)
        {
            var found = new List<string>(Parts.Count);
            foreach (var part in Parts)
            {
                if (part.FirstOrDefault(alternative => sentence.Contains(alternative, StringComparison.Ordinal)) is not { } word)
                {
                    break;
                }

                found.Add(word);
            }

            if (found.Count == Parts.Count)
            {
                return string.Join("…", found);
            }
        }

        return null;
    }
}

/// <summary>Why a text evokes a concept: the name or cue it used, as it reads in the normalised text.</summary>
public sealed record ConceptEvidence(MatchConcept Concept, string Says);

/// <summary>
/// The concept layer of scenario matching: the team's thesaurus (matching-concepts.tsv, embedded) and the
/// chain taxonomy, whose leaf nodes are concepts named by their names and synonyms. Plain code over
/// strings; a request builds one from the chain nodes it has already read.
/// </summary>
public sealed class ConceptThesaurus
{
    private const string ResourceName = "InnoCluster.matching-concepts.tsv";
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '!', '?', ';', '\n'];
    private static readonly Lazy<IReadOnlyList<MatchConcept>> Written = new(() => Parse(Infrastructure.EmbeddedLines.Read(ResourceName)));

    public ConceptThesaurus(IReadOnlyList<MatchConcept> concepts) => Concepts = concepts;

    public IReadOnlyList<MatchConcept> Concepts { get; }

    /// <summary>No concepts: matching on shared words and structure alone.</summary>
    public static ConceptThesaurus None { get; } = new([]);

    /// <summary>
    /// The team's concepts, and every leaf chain node as a concept named by its name and synonyms. A team concept
    /// keeps its own words: its chain node (the node it sits under) is broader than it (人脸识别 sits under 计算机视觉,
    /// whose synonym 视觉 would make every vision offer a face-recognition one).
    /// </summary>
    public static ConceptThesaurus With(IReadOnlyList<ChainNodeInfo> nodes)
    {
        var parents = nodes.Where(n => n.ParentId != null).Select(n => n.ParentId!.Value).ToHashSet();
        var leaves = nodes.Where(n => !parents.Contains(n.Id))
            .Select(n => new MatchConcept(n.Name, n.NameEn, n.AllNames.Select(TextNormalizer.Normalize).Where(name => name.Length >= 2).Distinct(StringComparer.Ordinal).ToList(), [], n.Code))
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
        // A team concept that is a leaf node (语音识别) takes the node's names as well, and stands for it.
        var written = Written.Value.Select(c => leaves.Remove(c.Name, out var leaf)
            ? c with { Names = c.Names.Concat(leaf.Names).Distinct(StringComparer.Ordinal).ToList(), ChainNode = leaf.ChainNode }
            : c);
        return new ConceptThesaurus([.. written, .. leaves.Values]);
    }

    /// <summary>The concepts a text evokes, each with the first name or cue that evoked it.</summary>
    public IReadOnlyList<ConceptEvidence> Evoked(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var sentences = Sentences(normalized);
        return Concepts.Select(c => Evidence(c, normalized, sentences)).OfType<ConceptEvidence>().ToList();
    }

    /// <summary>Whether normalised text evokes one concept, and by what.</summary>
    public static ConceptEvidence? Evidence(MatchConcept concept, string normalizedText, IReadOnlyList<string> sentences)
    {
        if (concept.Names.FirstOrDefault(name => ScenarioMatcher.ContainsTerm(normalizedText, name)) is { } name)
        {
            return new ConceptEvidence(concept, name);
        }

        return concept.Cues.Select(cue => cue.FindIn(sentences)).FirstOrDefault(found => found is not null) is { } said
            ? new ConceptEvidence(concept, said)
            : null;
    }

    public static IReadOnlyList<string> Sentences(string normalizedText) =>
        normalizedText.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Reads the thesaurus format (see the file's header); a malformed line is refused with its number and why.</summary>
    public static IReadOnlyList<MatchConcept> Parse(IEnumerable<string> lines)
    {
        var concepts = new List<MatchConcept>();
        foreach (var (number, columns) in Infrastructure.EmbeddedLines.TabRows(lines, "matching-concepts", "concept", "english", "chain", "names", "cues"))
        {
            var names = Words(columns[3]).ToList();
            if (columns[0].Trim().Length == 0 || columns[1].Trim().Length == 0 || names.Count == 0)
            {
                throw Infrastructure.EmbeddedLines.Refused("matching-concepts", number, "a concept needs a name in both languages and at least one word a vendor writes for it");
            }

            var cues = columns[4].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(cue => new ConceptCue(cue.Split('+', StringSplitOptions.TrimEntries).Select(part => (IReadOnlyList<string>)Words(part).ToList()).ToList()))
                .ToList();
            if (cues.Any(c => c.Parts.Any(p => p.Count == 0)))
            {
                throw Infrastructure.EmbeddedLines.Refused("matching-concepts", number, "a cue has an empty part (two + in a row, or + at an end)");
            }

            concepts.Add(new MatchConcept(columns[0].Trim(), columns[1].Trim(), names, cues, columns[2].Trim().Length > 0 ? columns[2].Trim() : null));
        }

        return concepts;
    }

    private static IEnumerable<string> Words(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TextNormalizer.Normalize).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal);
}
