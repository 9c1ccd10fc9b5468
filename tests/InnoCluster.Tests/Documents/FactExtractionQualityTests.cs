using System.Globalization;
using System.Text.Json;
using InnoCluster.Features.Documents;
using InnoCluster.Features.Documents.Ingestion;
using InnoCluster.Tests.Infrastructure;
using InnoCluster.Text;

namespace InnoCluster.Tests.Documents;

/// <summary>
/// The document facts against a gold list written by hand from the five seed documents
/// (tests/fixtures/facts-gold.tsv): per field, precision (of what was extracted, how much is right) and recall
/// (of what the texts say, how much was found right). Floors are set from measurement; see the README.
/// </summary>
public sealed class FactExtractionQualityTests(ITestOutputHelper output)
{
    public sealed record Gold(string Doc, string Context, decimal Value, decimal? Upper, string Unit, Qualifier Qualifier, bool Target, int? Year, string Subject, string Metric);

    public sealed record Score(string Field, int Correct, int Predicted, int Expected)
    {
        public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

        public double Recall => Expected == 0 ? 1 : (double)Correct / Expected;
    }

    private static readonly string[] Documents = ["000", "001", "002", "003", "004"];

    /// <summary>The floors: measured, then set a little below so that a regression fails and noise does not.</summary>
    private static readonly Dictionary<string, (double Precision, double Recall)> Floors = new()
    {
        ["found"] = (0.95, 0.97),
        ["value"] = (0.95, 0.97),
        ["unit"] = (0.95, 0.97),
        ["qualifier"] = (0.95, 0.97),
        ["kind"] = (0.95, 0.97),
        ["year"] = (0.95, 0.78),
        ["subject"] = (0.94, 0.70),
        ["metric"] = (0.85, 0.85),
    };

    [Fact]
    public void Extraction_OnTheGoldList_MeetsTheMeasuredFloors()
    {
        var scores = Measure();
        foreach (var s in scores)
        {
            output.WriteLine($"| {s.Field} | {s.Precision:0.00} ({s.Correct}/{s.Predicted}) | {s.Recall:0.00} ({s.Correct}/{s.Expected}) |");
        }

        if (Environment.GetEnvironmentVariable("INNOCLUSTER_FACTS_REPORT") is { Length: > 0 } report)
        {
            File.AppendAllLines(report, scores.Select(s => $"SCORE\t{s.Field}\tP {s.Precision:0.000} ({s.Correct}/{s.Predicted})\tR {s.Recall:0.000} ({s.Correct}/{s.Expected})"));
        }

        var below = scores.Where(s => s.Precision < Floors[s.Field].Precision || s.Recall < Floors[s.Field].Recall)
            .Select(s => $"{s.Field}: P {s.Precision:0.000} (floor {Floors[s.Field].Precision}), R {s.Recall:0.000} (floor {Floors[s.Field].Recall})").ToList();
        Assert.True(below.Count == 0, string.Join("\n", below));
    }

    [Fact]
    public void NoLabel_IsAFragment()
    {
        // A subject or metric that cannot be read stays empty; never 了, 上, 从, 后 or 园区在.
        var fragments = Documents.SelectMany(d => { var (clean, year, isPlan) = Load(d); return FactExtractor.Extract(clean, year, isPlan); })
            .SelectMany(f => new[] { f.Subject, f.Metric }).OfType<string>()
            .Where(label => label.Length < 2 || label is "对全国" or "园区在" or "就在" || label.EndsWith('了') || label.StartsWith('从'))
            .ToList();
        Assert.True(fragments.Count == 0, string.Join(", ", fragments));
    }

    [Fact]
    public void GoldList_EveryContextIsInItsDocument()
    {
        var texts = Documents.ToDictionary(d => d, d => TextNormalizer.Normalize(Load(d).Clean));
        var missing = LoadGold().Where(g => !texts[g.Doc].Contains(g.Context, StringComparison.Ordinal)).Select(g => $"{g.Doc}: {g.Context}").ToList();
        Assert.True(missing.Count == 0, "not in the document: " + string.Join("; ", missing));
    }

    public static IReadOnlyList<Score> Measure()
    {
        var gold = LoadGold();
        var extracted = new List<(string Doc, ExtractedFact Fact, string Sentence)>();
        foreach (var doc in Documents)
        {
            var (clean, year, isPlan) = Load(doc);
            extracted.AddRange(FactExtractor.Extract(clean, year, isPlan).Where(f => f.Quantity is not null)
                .Select(f => (doc, f, TextNormalizer.Normalize(f.Sentence.Text))));
        }

        // Each gold fact takes the first unclaimed extracted fact of its document whose sentence holds the context and whose figure is in it.
        var claimed = new HashSet<int>();
        var pairs = new List<(Gold Gold, ExtractedFact? Fact)>();
        foreach (var g in gold)
        {
            var index = extracted.FindIndex(e => e.Doc == g.Doc && e.Sentence.Contains(g.Context, StringComparison.Ordinal)
                && g.Context.Contains(TextNormalizer.Normalize(e.Fact.Text).Trim(), StringComparison.Ordinal) && !claimed.Contains(extracted.IndexOf(e)));
            if (index >= 0)
            {
                claimed.Add(index);
            }

            pairs.Add((g, index >= 0 ? extracted[index].Fact : null));
        }

        var found = pairs.Where(p => p.Fact is not null).ToList();
        if (Environment.GetEnvironmentVariable("INNOCLUSTER_FACTS_REPORT") is { Length: > 0 } report)
        {
            // For whoever tunes the extractor: every gold fact beside what was read for it, and what was read that no gold fact claims.
            File.WriteAllLines(report, pairs.Select(p => $"{p.Gold.Doc}\t{p.Gold.Context}\tGOLD {p.Gold.Value} {p.Gold.Unit} {p.Gold.Qualifier} {(p.Gold.Target ? "target" : "actual")} {p.Gold.Year} S={p.Gold.Subject} M={p.Gold.Metric}\tGOT "
                    + (p.Fact is { } f ? $"{f.Quantity!.Value} {f.Quantity.Unit} {f.Quantity.Qualifier} {f.Kind} {f.Year} S={f.Subject} M={f.Metric}" : "-"))
                .Concat(extracted.Where((e, i) => !claimed.Contains(i)).Select(e => $"{e.Doc}\tEXTRA\t{e.Fact.Text} {e.Fact.Kind} {e.Fact.Year} S={e.Fact.Subject} M={e.Fact.Metric}\t{e.Sentence[..Math.Min(60, e.Sentence.Length)]}")));
        }

        Score Field(string name, Func<Gold, bool> expected, Func<ExtractedFact, bool> predicted, Func<Gold, ExtractedFact, bool> right) =>
            new(name, found.Count(p => predicted(p.Fact!) && expected(p.Gold) && right(p.Gold, p.Fact!)), extracted.Count(e => predicted(e.Fact)), gold.Count(expected));

        return
        [
            new("found", found.Count, extracted.Count, gold.Count),
            Field("value", _ => true, _ => true, (g, f) => f.Quantity!.Value == g.Value && f.Quantity.UpperValue == g.Upper),
            Field("unit", _ => true, _ => true, (g, f) => string.Equals(f.Quantity!.Unit, g.Unit, StringComparison.OrdinalIgnoreCase)),
            Field("qualifier", _ => true, _ => true, (g, f) => f.Quantity!.Qualifier == g.Qualifier),
            Field("kind", _ => true, _ => true, (g, f) => (f.Kind == FactKind.Target) == g.Target),
            Field("year", g => g.Year is not null, f => f.Year is not null, (g, f) => f.Year == g.Year),
            Field("subject", g => g.Subject.Length > 0, f => !string.IsNullOrEmpty(f.Subject), (g, f) => SameLabel(g.Subject, f.Subject!)),
            Field("metric", g => g.Metric.Length > 0, f => !string.IsNullOrEmpty(f.Metric), (g, f) => SameLabel(g.Metric, f.Metric!)),
        ];
    }

    /// <summary>A label is right when one names the other (苏州市人工智能产业 ~ 人工智能产业), ignoring quotes, brackets and spaces.</summary>
    private static bool SameLabel(string gold, string extracted)
    {
        static string Bare(string s) => new([.. TextNormalizer.Normalize(s).Where(c => char.IsLetterOrDigit(c) || c == '+')]);
        var (a, b) = (Bare(gold), Bare(extracted));
        return a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
    }

    private static (string Clean, int? Year, bool IsPlan) Load(string prefix)
    {
        var path = Directory.GetFiles(TestPaths.SeedDocuments, prefix + "_*").Single();
        var extracted = DocumentReader.Read(Path.GetFileName(path), File.ReadAllBytes(path));
        var clean = WebPageCleaner.Clean(extracted.Text);
        // As the seed loads it: the year the text gives, else the date sources.json records.
        using var sources = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Seed, "sources.json")));
        var date = sources.RootElement.EnumerateArray().Single(s => s.GetProperty("key").GetString() == prefix).GetProperty("date");
        var metadata = MetadataExtractor.Extract(clean, prefix + ".txt", extracted.Format);
        var year = metadata.Year ?? (date.ValueKind == JsonValueKind.String ? DateOnly.Parse(date.GetString()!, CultureInfo.InvariantCulture).Year : null);
        return (clean, year, metadata.Kind == DocumentKind.Policy);
    }

    public static IReadOnlyList<Gold> LoadGold() =>
        [.. File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "facts-gold.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("doc\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(c => new Gold(c[0], c[1], decimal.Parse(c[2], CultureInfo.InvariantCulture), c[3].Length == 0 ? null : decimal.Parse(c[3], CultureInfo.InvariantCulture),
                c[4], Enum.Parse<Qualifier>(c[5]), c[6] == "target", c[7].Length == 0 ? null : int.Parse(c[7], CultureInfo.InvariantCulture), c[8], c.Length > 9 ? c[9] : ""))];
}
