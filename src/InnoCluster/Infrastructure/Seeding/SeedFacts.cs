using InnoCluster.Text;

namespace InnoCluster.Infrastructure.Seeding;

/// <summary>
/// The seed's rule that nothing is invented: a fact is loaded only when its quote states it — the quote,
/// its conversion artefacts removed and read in simplified script with folded widths, contains one of the
/// fact's written forms (a name, an alias, a year). A record that breaks the rule stops loading, naming
/// the file, the record and the field.
/// </summary>
public static class SeedFacts
{
    public static bool States(string quote, IEnumerable<string> forms)
    {
        var text = Comparable(quote);
        return forms.Any(f => !string.IsNullOrWhiteSpace(f) && text.Contains(Comparable(f), StringComparison.Ordinal));
    }

    /// <summary>The quote must state one of the forms.</summary>
    public static void Require(string quote, string where, string field, IReadOnlyCollection<string> forms)
    {
        if (!States(quote, forms))
        {
            throw new InvalidDataException($"{where}, {field}: the quote does not state “{string.Join("” or “", forms.Take(4))}”: {quote}");
        }
    }

    /// <summary>One of the record's quotes must state one of the forms (a fact the record carries without a quote of its own).</summary>
    public static void RequireAny(IReadOnlyCollection<string> quotes, string where, string field, IReadOnlyCollection<string> forms)
    {
        if (!quotes.Any(q => States(q, forms)))
        {
            throw new InvalidDataException($"{where}, {field}: none of the record's {quotes.Count} quote(s) states “{string.Join("” or “", forms.Take(4))}”");
        }
    }

    private static string Comparable(string text) =>
        TextNormalizer.Normalize(ConversionArtefacts.RemovePinyin(text)).Replace(" ", string.Empty, StringComparison.Ordinal);
}
