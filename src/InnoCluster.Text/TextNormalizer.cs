namespace InnoCluster.Text;

/// <summary>
/// The one normalisation every store uses before segmenting: full-width → half-width,
/// ideographic space → space, Latin lower case, traditional → simplified.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScriptConverter.TraditionalToSimplified.Convert(Fold(text));
    }

    private static string Fold(string text) => string.Create(text.Length, text, static (destination, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = FoldChar(source[i]);
        }
    });

    public static NormalizedText NormalizeWithOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (converted, index) = ScriptConverter.TraditionalToSimplified.ConvertWithOffsets(Fold(text));
        return new NormalizedText(text, converted, index);
    }

    /// <summary>Full-width ASCII and the ideographic space to their ASCII forms, then lower case.</summary>
    public static char FoldChar(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000' || c == '\u00A0')
        {
            c = ' ';
        }

        return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
    }

    public static bool IsHan(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
