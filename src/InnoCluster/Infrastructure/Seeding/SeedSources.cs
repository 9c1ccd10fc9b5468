using System.Text.Json;
using System.Text.Json.Serialization;

namespace InnoCluster.Infrastructure.Seeding;

/// <summary>The source documents of the seed dataset (data/seed/sources.json) and how to cite them.</summary>
public sealed class SeedSources
{
    public const string FileName = "sources.json";

    private readonly Dictionary<string, SeedSourceDocument> _byKey;

    private SeedSources(IEnumerable<SeedSourceDocument> documents) =>
        _byKey = documents.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public IReadOnlyCollection<SeedSourceDocument> Documents => _byKey.Values;

    public static SeedSources Load(InnoClusterPaths paths)
    {
        using var stream = File.OpenRead(Path.Combine(paths.SeedDirectory, FileName));
        var documents = JsonSerializer.Deserialize<List<SeedSourceDocument>>(stream, SeedJson.Options)
            ?? throw new InvalidDataException($"{FileName} is empty.");
        foreach (var document in documents.Where(d => d.City is not null))
        {
            var quote = document.CityQuote ?? throw new InvalidDataException($"{FileName}, source '{document.Key}', city: no quote states it.");
            if (!document.ReadText(paths).Contains(quote, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{FileName}, source '{document.Key}', city: the quote is not verbatim in {document.File}: {quote}");
            }

            SeedFacts.Require(quote, $"{FileName}, source '{document.Key}'", "city", [document.City!]);
        }

        return new SeedSources(documents);
    }

    public SeedSourceDocument this[string key] =>
        _byKey.TryGetValue(key, out var document) ? document : throw new InvalidDataException($"Seed source '{key}' is not listed in {FileName}.");

    /// <summary>A provenance for a quote; the quote must be verbatim in the source file.</summary>
    public Provenance Cite(SeedQuote quote, InnoClusterPaths paths)
    {
        var document = this[quote.Source];
        var text = document.ReadText(paths);
        if (!text.Contains(quote.Quote, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Seed quote is not verbatim in {document.File}: {quote.Quote}");
        }

        return Provenance.FromDocument(document.File, quote.Quote, document.Date);
    }
}

/// <summary>
/// A seed source document. <see cref="City"/> is the city it speaks of, stated by <see cref="CityQuote"/>:
/// a place name two cities share (高新区) is read as the one in this city.
/// </summary>
public sealed record SeedSourceDocument(string Key, string File, string Title, string Kind, string? Publisher, DateOnly? Date, string? DateNote, string? City = null, string? CityQuote = null)
{
    private string? _text;

    public string ReadText(InnoClusterPaths paths) =>
        _text ??= System.IO.File.ReadAllText(Path.Combine(paths.SeedDirectory, "documents", File));
}

/// <summary>A quote in the seed JSON: the source key ("004") and the exact clause.</summary>
public sealed record SeedQuote(string Source, string Quote);

public static class SeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidDataException($"{path} is empty.");
    }
}
