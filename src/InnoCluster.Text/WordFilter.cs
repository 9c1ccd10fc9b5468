namespace InnoCluster.Text;

/// <summary>
/// "Every word of the query appears in the text", compared after normalisation (script, width, case). For
/// short lists filtered in memory (clauses, demands); the libraries' ranked search uses the indexes instead.
/// </summary>
public sealed class WordFilter
{
    private readonly string[] _words;

    public WordFilter(string? query) =>
        _words = string.IsNullOrWhiteSpace(query) ? [] : TextNormalizer.Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsEmpty => _words.Length == 0;

    public bool Matches(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return Array.TrueForAll(_words, w => normalized.Contains(w, StringComparison.Ordinal));
    }
}
