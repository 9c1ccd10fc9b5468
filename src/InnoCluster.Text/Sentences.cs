namespace InnoCluster.Text;

/// <summary>A sentence of a text, with its position there (for citing and highlighting it).</summary>
public readonly record struct Sentence(int Start, int Length, string Text)
{
    public int End => Start + Length;
}

/// <summary>Splits Chinese text into sentences at 。！？!? ；; and line breaks, keeping the punctuation.</summary>
public static class Sentences
{
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = c is '\n' || IsTerminal(c);
            if (!boundary)
            {
                continue;
            }

            // Keep closing quotes and brackets with the sentence they close.
            var end = i + 1;
            while (end < text.Length && text[end] is '”' or '’' or '」' or '』' or ')' or '）' && c != '\n')
            {
                end++;
            }

            Add(text, start, end, result);
            start = end;
            i = end - 1;
        }

        Add(text, start, text.Length, result);
        return result;
    }

    private static bool IsTerminal(char c) => c is '。' or '！' or '？' or '!' or '?' or '；' or ';';

    private static void Add(string text, int start, int end, List<Sentence> result)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var stop = end;
        while (stop > start && char.IsWhiteSpace(text[stop - 1]))
        {
            stop--;
        }

        if (stop > start)
        {
            result.Add(new Sentence(start, stop - start, text[start..stop]));
        }
    }
}
