namespace InnoCluster.Text;

/// <summary>
/// Text after normalisation, with the index in the original string of every output character,
/// so that matches found in normalised text can be highlighted in the text as written.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _sourceIndex;

    internal NormalizedText(string original, string text, int[] sourceIndex)
    {
        Original = original;
        Text = text;
        _sourceIndex = sourceIndex;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary>Maps a span of <see cref="Text"/> to the span of <see cref="Original"/> it came from.</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        if (length <= 0)
        {
            return (start < _sourceIndex.Length ? _sourceIndex[start] : Original.Length, 0);
        }

        var first = _sourceIndex[start];
        var lastIndex = start + length;
        var end = lastIndex < _sourceIndex.Length ? _sourceIndex[lastIndex] : Original.Length;
        if (end <= first)
        {
            end = Math.Min(Original.Length, first + 1);
        }

        return (first, end - first);
    }
}
