namespace InnoCluster.Text;

/// <summary>
/// One term of a query. It matches text holding <see cref="Text"/>, or, when <see cref="Parts"/> is
/// not empty, text holding every part close together (at most <see cref="PartsWindow"/> terms apart).
/// </summary>
/// <param name="For">The everyday word of the query this term was added for (社保 → 社会保险); null for the query's own words.</param>
public sealed record QueryTerm(string Text, IReadOnlyList<string> Parts, string? For = null)
{
    /// <summary>How many other terms may stand between two parts for them still to count as the word.</summary>
    public const int PartsWindow = 3;

    public IEnumerable<string> AllTexts => Parts.Count == 0 ? [Text] : Parts.Prepend(Text);
}
