using InnoCluster.Features.Registry;
using InnoCluster.Text;

namespace InnoCluster.Features.Documents.Ingestion;

/// <summary>
/// Reads the facts of a version's clean text: its figures (<see cref="FactExtractor"/>) and the registry's
/// enterprises and carriers it names. Used when a file is ingested and when facts are read again.
/// </summary>
public sealed class DocumentFactReader(IRegistryDirectory registry)
{
    private NameMatcher? _names;

    public async Task<List<ExtractedFact>> ReadAsync(string clean, int? year, bool isPlan, CancellationToken cancellationToken)
    {
        _names ??= new NameMatcher((await registry.NamesAsync(cancellationToken)).Select(n => new KnownName(n.Name, n.EnterpriseId, n.CarrierId)));
        var facts = FactExtractor.Extract(clean, year, isPlan).ToList();
        foreach (var sentence in Sentences.Split(clean))
        {
            foreach (var match in _names.FindAll(sentence.Text).DistinctBy(m => (m.Name.EnterpriseId, m.Name.CarrierId)))
            {
                facts.Add(new ExtractedFact(
                    match.Name.EnterpriseId is not null ? FactKind.EnterpriseMention : FactKind.CarrierMention,
                    null, null, null, null, sentence.Text.Substring(match.Start, match.Length), sentence.Start + match.Start, sentence,
                    match.Name.EnterpriseId, match.Name.CarrierId));
            }
        }

        return facts;
    }

    public static DocumentFact ToRow(ExtractedFact f, int versionId) => new()
    {
        VersionId = versionId,
        Kind = f.Kind,
        Subject = Cap(f.Subject, 200),
        Metric = Cap(f.Metric, 100),
        Value = f.Quantity?.Value,
        UpperValue = f.Quantity?.UpperValue,
        Unit = Cap(f.Quantity?.Unit, 20),
        Qualifier = f.Quantity?.Qualifier.ToString(),
        Year = f.Year,
        Ambiguity = Cap(f.Ambiguity, 200),
        Text = Cap(f.Text, 200) ?? "",
        TextStart = f.TextStart,
        SentenceStart = f.Sentence.Start,
        SentenceLength = f.Sentence.Length,
        Sentence = Cap(f.Sentence.Text, 4000) ?? "",
        EnterpriseId = f.EnterpriseId,
        CarrierId = f.CarrierId,
    };

    private static string? Cap(string? value, int max) => value is null ? null : value.Length > max ? value[..max] : value;
}
