namespace InnoCluster.Text;

public enum TokenKind
{
    /// <summary>A dictionary word or a run the segmenter kept whole.</summary>
    Word,

    /// <summary>A shorter dictionary word inside a longer one (jieba's search mode), for recall.</summary>
    SubWord,

    /// <summary>Two adjacent Han characters the dictionary did not know (names, new terms).</summary>
    Bigram,

    /// <summary>Latin letters and digits kept whole (AI, DFM-2, 5g, 2025).</summary>
    Latin,

    /// <summary>A part of a Latin token split at '-', '.', '+' (dfm of dfm-2).</summary>
    LatinPart,
}

/// <summary>A term found in normalised text; Start and Length index the normalised text.</summary>
public readonly record struct Token(string Text, int Start, int Length, TokenKind Kind);
