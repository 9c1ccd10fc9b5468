namespace InnoCluster.Text;

/// <summary>
/// One term of a query. It matches text holding <see cref="Text"/>, or, when <see cref="Parts"/> is
/// not empty, text holding every part close together (at most <see cref="PartsWindow"/> terms apart).
/// </summary>
public sealed record QueryTerm(string Text, IReadOnlyList<string> Parts)
{
    /// <summary>How many other terms may stand between two parts for them still to count as the word.</summary>
    public const int PartsWindow = 3;

    public IEnumerable<string> AllTexts => Parts.Count == 0 ? [Text] : Parts.Prepend(Text);
}
